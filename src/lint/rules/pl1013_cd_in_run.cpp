// SPDX-License-Identifier: Apache-2.0
// PL1013: `cd` in RUN instead of WORKDIR.
#include "lint/rules/common.hpp"

namespace plinth::lint::rules {
namespace pl1013 {

const RuleInfo k_info{
    "PL1013",
    Level::info,
    "Use WORKDIR instead of cd",
    "A `cd` in RUN only lasts for that RUN; later instructions run elsewhere, which is easy to "
    "get wrong. WORKDIR makes the directory explicit for every following instruction.",
    "FROM debian:12\nRUN cd /opt && make\n",
    "FROM debian:12\nWORKDIR /opt\nRUN make\n"};

class CdInRun final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override { return {Keyword::run}; }
  void check(const Context& ctx, const Instruction& inst, Reporter& out) override {
    if (inst.keyword != Keyword::run || ctx.script == nullptr) {
      return;
    }
    for (const auto& c : ctx.script->commands) {
      if (c.name() == "cd") {
        out.report(cmd_pos(ctx, c));
        return;
      }
    }
  }
};

} // namespace pl1013
PLINTH_LINT_RULE(pl1013, CdInRun)
} // namespace plinth::lint::rules
