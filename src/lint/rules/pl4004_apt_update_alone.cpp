// SPDX-License-Identifier: Apache-2.0
// PL4004: apt-get update in a RUN that installs nothing.
#include "lint/rules/common.hpp"

namespace plinth::lint::rules {
namespace pl4004 {

const RuleInfo k_info{
    "PL4004",
    Level::warning,
    "apt-get update alone in a RUN",
    "A RUN with only `apt-get update` is cached as a layer: later `apt-get install` steps keep "
    "using the stale lists from that cache and fail or install old versions. Update and "
    "install in the same RUN.",
    "FROM debian:12\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends "
    "curl=7.88.1-10\n",
    "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends "
    "curl=7.88.1-10 \\\n    && rm -rf /var/lib/apt/lists/*\n"};

class AptUpdateAlone final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override { return {Keyword::run}; }
  void check(const Context& ctx, const Instruction& inst, Reporter& out) override {
    if (inst.keyword != Keyword::run || ctx.script == nullptr) {
      return;
    }
    const ShellCommand* update = nullptr;
    for (const auto& c : ctx.script->commands) {
      const auto s = ctx.packages_of(c).apt.subcommand;
      if (s == "update") {
        update = &c;
      } else if (!s.empty() && s != "clean" && s != "autoclean") {
        return; // install, upgrade, build-dep, source …
      }
    }
    if (update != nullptr) {
      out.report(cmd_pos(ctx, *update), "apt-get update without an install in the same RUN "
                                        "leaves stale lists in the build cache");
    }
  }
};

} // namespace pl4004
PLINTH_LINT_RULE(pl4004, AptUpdateAlone)
} // namespace plinth::lint::rules
