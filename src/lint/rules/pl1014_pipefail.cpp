// SPDX-License-Identifier: Apache-2.0
// PL1014: a pipe in RUN without pipefail hides failures of all but the last command.
#include "lint/rules/common.hpp"

namespace plinth::lint::rules {
namespace pl1014 {

const RuleInfo k_info{
    "PL1014",
    Level::info,
    "Set pipefail before a pipe in RUN",
    "`/bin/sh -c 'curl … | tar x'` succeeds when curl fails, as long as tar succeeds. Set "
    "`SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]` before the RUN, or start the script "
    "with `set -o pipefail` (bash, zsh, ash).",
    "FROM debian:12\nRUN curl -fsSL https://example.com/x.tar.gz | tar xz\n",
    "FROM debian:12\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n"
    "RUN curl -fsSL https://example.com/x.tar.gz | tar xz\n"};

class Pipefail final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override { return {Keyword::run}; }
  void check(const Context& ctx, const Instruction& inst, Reporter& out) override {
    if (inst.keyword != Keyword::run || ctx.script == nullptr || !ctx.script->has_pipe ||
        ctx.stage_has_shell || inst.exec_form) {
      return;
    }
    for (const auto& c : ctx.script->commands) {
      if (c.name() == "set" && (c.has("pipefail") || c.has("-euo") || c.has("-eo"))) {
        return;
      }
    }
    for (const auto& c : ctx.script->commands) {
      if (c.pipe_out) {
        out.report(cmd_pos(ctx, c), "pipe without pipefail: a failure of '" +
                                        std::string(c.name()) + "' is ignored");
        return;
      }
    }
  }
};

} // namespace pl1014
PLINTH_LINT_RULE(pl1014, Pipefail)
} // namespace plinth::lint::rules
