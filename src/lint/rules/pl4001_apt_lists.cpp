// SPDX-License-Identifier: Apache-2.0
// PL4001: apt-get update without removing /var/lib/apt/lists in the same RUN.
#include "lint/rules/common.hpp"

namespace plinth::lint::rules {
namespace pl4001 {

const RuleInfo k_info{
    "PL4001",
    Level::info,
    "Remove apt lists in the same RUN",
    "`apt-get update` downloads tens of megabytes of package lists into /var/lib/apt/lists. "
    "Unless the same RUN deletes them (`rm -rf /var/lib/apt/lists/*`) they stay in the layer "
    "forever. A cache or tmpfs mount on /var/lib/apt also avoids it.",
    "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends "
    "curl=7.88.1-10\n",
    "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends "
    "curl=7.88.1-10 \\\n    && rm -rf /var/lib/apt/lists/*\n"};

bool removes_lists(const ShellScript& s) {
  for (const auto* c : s.find("rm")) {
    for (std::size_t i = 0; i < c->arg_count(); ++i) {
      if (starts_with(c->arg(i), "/var/lib/apt/lists")) {
        return true;
      }
    }
  }
  return false;
}

class AptLists final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override { return {Keyword::run}; }
  void check(const Context& ctx, const Instruction& inst, Reporter& out) override {
    if (inst.keyword != Keyword::run || ctx.script == nullptr ||
        ctx.has_cache_mount("/var/lib/apt")) {
      return;
    }
    for (const auto& c : ctx.script->commands) {
      if (ctx.packages_of(c).apt.subcommand == "update") {
        if (!removes_lists(*ctx.script)) {
          out.report(cmd_pos(ctx, c), "apt lists are left in the layer; end the RUN with "
                                      "'rm -rf /var/lib/apt/lists/*'");
        }
        return;
      }
    }
  }
};

} // namespace pl4001
PLINTH_LINT_RULE(pl4001, AptLists)
} // namespace plinth::lint::rules
