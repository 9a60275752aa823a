// SPDX-License-Identifier: Apache-2.0
// PL3006: sudo in RUN.
#include "lint/rules/common.hpp"

namespace plinth::lint::rules {
namespace pl3006 {

const RuleInfo k_info{
    "PL3006",
    Level::warning,
    "Do not use sudo",
    "RUN already executes as the current USER; sudo adds an unpredictable TTY and signal "
    "behaviour and means sudo must be installed in the image. Switch with USER, or use gosu "
    "in entrypoints.",
    "FROM debian:12\nUSER 1000\nRUN sudo mkdir /data\n",
    "FROM debian:12\nRUN mkdir /data && chown 1000 /data\nUSER 1000\n"};

class Sudo final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override { return {Keyword::run}; }
  void check(const Context& ctx, const Instruction& inst, Reporter& out) override {
    if (inst.keyword != Keyword::run || ctx.script == nullptr) {
      return;
    }
    for (const auto& c : ctx.script->commands) {
      for (std::size_t i = 0; i <= c.program && i < c.words.size(); ++i) {
        if (c.words[i].text == "sudo") {
          out.report(word_pos(ctx, c.words[i]));
          return;
        }
      }
    }
  }
};

} // namespace pl3006
PLINTH_LINT_RULE(pl3006, Sudo)
} // namespace plinth::lint::rules
