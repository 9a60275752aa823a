// SPDX-License-Identifier: Apache-2.0
// PL2010: `apt` (the interactive front end) in a Dockerfile.
#include "lint/rules/common.hpp"

namespace plinth::lint::rules {
namespace pl2010 {

const RuleInfo k_info{
    "PL2010",
    Level::warning,
    "Use apt-get instead of apt",
    "`apt` is meant for people: its output and behaviour are not a stable interface and it "
    "warns so in scripts. Use apt-get or apt-cache.",
    "FROM debian:12\nRUN apt update && apt install -y --no-install-recommends curl=7.88.1-10 && "
    "rm -rf /var/lib/apt/lists/*\n",
    "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends "
    "curl=7.88.1-10 && rm -rf /var/lib/apt/lists/*\n"};

class AptNotAptGet final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override { return {Keyword::run}; }
  void check(const Context& ctx, const Instruction& inst, Reporter& out) override {
    if (inst.keyword != Keyword::run || ctx.script == nullptr) {
      return;
    }
    for (const auto& c : ctx.script->commands) {
      if (c.name() == "apt" && c.arg_count() > 0) {
        out.report(cmd_pos(ctx, c));
        return;
      }
    }
  }
};

} // namespace pl2010
PLINTH_LINT_RULE(pl2010, AptNotAptGet)
} // namespace plinth::lint::rules
