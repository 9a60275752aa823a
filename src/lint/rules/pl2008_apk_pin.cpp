// SPDX-License-Identifier: Apache-2.0
// PL2008: apk add without version pins.
#include "lint/rules/common.hpp"

namespace plinth::lint::rules {
namespace pl2008 {

const RuleInfo k_info{
    "PL2008",
    Level::warning,
    "Pin versions in apk add",
    "`apk add curl` installs whatever the repository has today. Pin `curl=8.11.0-r2` (or "
    "`~8.11`) so rebuilds are reproducible.",
    "FROM alpine:3.20\nRUN apk add --no-cache curl\n",
    "FROM alpine:3.20\nRUN apk add --no-cache curl=8.11.0-r2\n"};

class ApkPin final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override { return {Keyword::run}; }
  void check(const Context& ctx, const Instruction& inst, Reporter& out) override {
    if (inst.keyword != Keyword::run || ctx.script == nullptr) {
      return;
    }
    for (const auto& c : ctx.script->commands) {
      const auto& apk = ctx.packages_of(c).apk;
      if (apk.subcommand != "add") {
        continue;
      }
      for (const auto* w : apk.operands) {
        const auto& t = w->text;
        if (opaque_operand(t) || t.find_first_of("=~<>") != std::string::npos) {
          continue;
        }
        out.report(word_pos(ctx, *w),
                   "apk add of '" + t + "' without a version (use " + t + "=<version>)");
        break;
      }
    }
  }
};

} // namespace pl2008
PLINTH_LINT_RULE(pl2008, ApkPin)
} // namespace plinth::lint::rules
