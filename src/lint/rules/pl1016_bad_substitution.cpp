// SPDX-License-Identifier: Apache-2.0
// PL1016: substitution syntax the builder rejects (in instructions it expands).
#include "dockerfile/substitution.hpp"
#include "lint/rules/common.hpp"

namespace plinth::lint::rules {
namespace pl1016 {

const RuleInfo k_info{
    "PL1016",
    Level::error,
    "Bad variable substitution",
    "BuildKit expands `${…}` itself in FROM, ADD, COPY, ENV, EXPOSE, LABEL, STOPSIGNAL, USER, "
    "VOLUME and WORKDIR and fails on syntax it does not support, such as `${v:0:2}`, a "
    "missing `}` or `${v:?message}` with v unset. (In RUN the shell expands, so bash syntax is "
    "fine there.)",
    "FROM debian:12\nARG VERSION=1.2.3\nENV SHORT=${VERSION:0:3}\n",
    "FROM debian:12\nARG VERSION=1.2.3\nENV SHORT=${VERSION%.*}\n"};

class BadSubstitution final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override {
    return {Keyword::add,     Keyword::copy,       Keyword::env,  Keyword::expose,
            Keyword::label,   Keyword::stopsignal, Keyword::user, Keyword::volume,
            Keyword::workdir, Keyword::from,       Keyword::arg};
  }
  void check(const Context& ctx, const Instruction& inst, Reporter& out) override {
    switch (inst.keyword) {
    case Keyword::add:
    case Keyword::copy:
    case Keyword::env:
    case Keyword::expose:
    case Keyword::label:
    case Keyword::stopsignal:
    case Keyword::user:
    case Keyword::volume:
    case Keyword::workdir:
    case Keyword::from:
    case Keyword::arg: break;
    default: return;
    }
    if (ctx.scope == nullptr) {
      return;
    }
    const auto lookup = ctx.scope->lookup();
    auto visit = [&](std::string_view raw, Pos pos) {
      if (raw.find("${") == std::string_view::npos) {
        return;
      }
      const auto e = dockerfile::expand_word(raw, lookup, ctx.file.escape);
      for (const auto& err : e.errors) {
        // `${v:?msg}` errors depend on the base image's ENV, which is unknown here.
        if (err.find("substitution") != std::string::npos) {
          out.report(pos, err);
        }
      }
    };
    if (!inst.pairs.empty()) {
      for (const auto& kv : inst.pairs) {
        visit(kv.raw_value, kv.value_pos);
      }
    } else {
      for (const auto& w : inst.args) {
        visit(inst.exec_form ? w.text : w.raw, w.pos);
      }
    }
  }
};

} // namespace pl1016
PLINTH_LINT_RULE(pl1016, BadSubstitution)
} // namespace plinth::lint::rules
