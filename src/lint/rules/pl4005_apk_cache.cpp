// SPDX-License-Identifier: Apache-2.0
// PL4005: apk add keeping its index cache in the layer.
#include "lint/rules/common.hpp"

namespace plinth::lint::rules {
namespace pl4005 {

const RuleInfo k_info{
    "PL4005",
    Level::info,
    "Use apk add --no-cache",
    "`apk add` without `--no-cache` stores the package index in /var/cache/apk. Use "
    "`--no-cache` (or a cache mount on /var/cache/apk).",
    "FROM alpine:3.20\nRUN apk add curl=8.11.0-r2\n",
    "FROM alpine:3.20\nRUN apk add --no-cache curl=8.11.0-r2\n"};

class ApkCache final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override { return {Keyword::run}; }
  void check(const Context& ctx, const Instruction& inst, Reporter& out) override {
    if (inst.keyword != Keyword::run || ctx.script == nullptr ||
        ctx.has_cache_mount("/var/cache/apk")) {
      return;
    }
    for (const auto& c : ctx.script->commands) {
      const auto& apk = ctx.packages_of(c).apk;
      if (apk.subcommand == "add" && !apk.has_option({"--no-cache"})) {
        out.report(cmd_pos(ctx, c));
        return;
      }
    }
  }
};

} // namespace pl4005
PLINTH_LINT_RULE(pl4005, ApkCache)
} // namespace plinth::lint::rules
