// SPDX-License-Identifier: Apache-2.0
// Shared includes and small helpers for rule implementations.
#pragma once

#include "dockerfile/ast.hpp"
#include "lint/packages.hpp"
#include "lint/rule.hpp"

#include <memory>
#include <string>
#include <string_view>

namespace plinth::lint::rules {

using dockerfile::Instruction;
using dockerfile::Keyword;
using dockerfile::Pos;

// Position of word `w` of the RUN script.
inline Pos word_pos(const Context& ctx, const ShellWord& w) {
  return ctx.script_pos(w.offset);
}
inline Pos cmd_pos(const Context& ctx, const ShellCommand& c) {
  return c.words.empty()
             ? Pos{}
             : ctx.script_pos(c.words[c.program < c.words.size() ? c.program : 0].offset);
}

inline bool starts_with(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}
inline bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// The FROM's base is an earlier stage, scratch, or still holds unresolved variables.
bool base_is_not_an_image(const Context& ctx);

} // namespace plinth::lint::rules

// Defines the factory `make_<fn>()` for rule class `fn::cls`. Each rule lives in its own
// namespace named `fn` (pl1003 …), so unity builds can compile several rules in one file.
#define PLINTH_LINT_RULE(fn, cls)                                                                  \
  std::unique_ptr<::plinth::lint::Rule> make_##fn() {                                              \
    return std::make_unique<fn::cls>();                                                            \
  }
