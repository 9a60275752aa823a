// SPDX-License-Identifier: Apache-2.0
// PL4002: apt-get install without --no-install-recommends.
#include "lint/rules/common.hpp"

namespace plinth::lint::rules {
namespace pl4002 {

const RuleInfo k_info{
    "PL4002",
    Level::info,
    "Use --no-install-recommends",
    "By default apt installs every 'recommended' package too, which often doubles the image "
    "size with things nobody asked for. Pass `--no-install-recommends` and list what you need.",
    "FROM debian:12\nRUN apt-get update && apt-get install -y curl=7.88.1-10 \\\n"
    "    && rm -rf /var/lib/apt/lists/*\n",
    "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends "
    "curl=7.88.1-10 \\\n    && rm -rf /var/lib/apt/lists/*\n"};

class NoInstallRecommends final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override { return {Keyword::run}; }
  void check(const Context& ctx, const Instruction& inst, Reporter& out) override {
    if (inst.keyword != Keyword::run || ctx.script == nullptr) {
      return;
    }
    for (const auto& c : ctx.script->commands) {
      const auto& apt = ctx.packages_of(c).apt;
      if (apt.subcommand != "install" || apt.has_option({"--no-install-recommends"})) {
        continue;
      }
      bool configured = false;
      for (const auto& w : c.words) {
        configured = configured || w.text.find("Install-Recommends=") != std::string::npos;
      }
      if (!configured) {
        out.report(cmd_pos(ctx, c));
      }
    }
  }
};

} // namespace pl4002
PLINTH_LINT_RULE(pl4002, NoInstallRecommends)
} // namespace plinth::lint::rules
