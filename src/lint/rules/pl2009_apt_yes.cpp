// SPDX-License-Identifier: Apache-2.0
// PL2009: apt-get install without -y (the build cannot answer prompts).
#include "lint/rules/common.hpp"

namespace plinth::lint::rules {
namespace pl2009 {

const RuleInfo k_info{
    "PL2009",
    Level::warning,
    "Use apt-get install -y",
    "Builds are non-interactive; without `-y` (or `--yes`, `--assume-yes`, `-qq`) apt-get "
    "aborts as soon as it wants to ask a question.",
    "FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends "
    "curl=7.88.1-10 && rm -rf /var/lib/apt/lists/*\n",
    "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends "
    "curl=7.88.1-10 && rm -rf /var/lib/apt/lists/*\n"};

bool assumes_yes(const PackageCommand& p) {
  for (auto o : p.options) {
    if (o == "--yes" || o == "--assume-yes" || o == "-qq" || o == "--quiet=2") {
      return true;
    }
    if (o.size() > 1 && o[0] == '-' && o[1] != '-' && o.find('y') != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

class AptYes final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override { return {Keyword::run}; }
  void check(const Context& ctx, const Instruction& inst, Reporter& out) override {
    if (inst.keyword != Keyword::run || ctx.script == nullptr) {
      return;
    }
    for (const auto& c : ctx.script->commands) {
      const auto& apt = ctx.packages_of(c).apt;
      if (apt.subcommand == "install" && !assumes_yes(apt)) {
        out.report(cmd_pos(ctx, c));
      }
    }
  }
};

} // namespace pl2009
PLINTH_LINT_RULE(pl2009, AptYes)
} // namespace plinth::lint::rules
