// SPDX-License-Identifier: Apache-2.0
// PL2007: apt-get upgrade / dist-upgrade in a Dockerfile.
#include "lint/rules/common.hpp"

namespace plinth::lint::rules {
namespace pl2007 {

const RuleInfo k_info{
    "PL2007",
    Level::warning,
    "Do not run apt-get upgrade or dist-upgrade",
    "Upgrading every package makes the image depend on the day it was built and can pull in "
    "changes the base image maintainers have not tested. Use a newer base image instead, or "
    "upgrade the specific package with a pinned version.",
    "FROM debian:12\nRUN apt-get update && apt-get -y upgrade && rm -rf /var/lib/apt/lists/*\n",
    "FROM debian:12.8\n"};

class AptUpgrade final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override { return {Keyword::run}; }
  void check(const Context& ctx, const Instruction& inst, Reporter& out) override {
    if (inst.keyword != Keyword::run || ctx.script == nullptr) {
      return;
    }
    for (const auto& c : ctx.script->commands) {
      const auto& apt = ctx.packages_of(c).apt;
      const auto s = apt.subcommand;
      if (s == "upgrade" || s == "dist-upgrade" || s == "full-upgrade") {
        out.report(cmd_pos(ctx, c), "'" + std::string(c.name()) + " " + std::string(s) +
                                        "' makes the build depend on the day it runs");
      }
    }
  }
};

} // namespace pl2007
PLINTH_LINT_RULE(pl2007, AptUpgrade)
} // namespace plinth::lint::rules
