// SPDX-License-Identifier: Apache-2.0
// PL2004: FROM not pinned by digest (configurable; local bases exempt).
#include "lint/rules/from_rules.hpp"

namespace plinth::lint::rules {
namespace pl2004 {

const RuleInfo k_info{
    "PL2004",
    Level::info,
    "FROM not pinned by digest",
    "Even release tags are re-pushed (security rebuilds). Only `image:tag@sha256:…` names "
    "exactly one image. Images under a `digest-exempt` prefix (default `plinth.local/`, the "
    "locally bootstrapped bases) are exempt; `require-digest: false` turns the rule off.",
    "FROM debian:12-slim\n",
    "FROM debian:12-slim@sha256:"
    "2424c1850714a4d94666ec928e24d86de958646737b1d113f5b2207be44d37d8\n"};

class DigestPin final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override { return {Keyword::from}; }
  void check(const Context& ctx, const Instruction& inst, Reporter& out) override {
    if (!ctx.config.require_digest) {
      return;
    }
    const auto ref = from_image(ctx, inst);
    if (!ref || !ref->digest.empty()) {
      return;
    }
    const auto& base = ctx.graph.stages[static_cast<std::size_t>(ctx.stage)].base;
    for (const auto& prefix : ctx.config.digest_exempt_prefixes) {
      if (starts_with(base, prefix)) {
        return;
      }
    }
    out.report(inst.args[0].pos, "image '" + base + "' is not pinned by digest (@sha256:…)");
  }
};

} // namespace pl2004
PLINTH_LINT_RULE(pl2004, DigestPin)
} // namespace plinth::lint::rules
