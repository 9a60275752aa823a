// SPDX-License-Identifier: Apache-2.0
// PL2001: FROM without a tag or digest.
#include "lint/rules/from_rules.hpp"

namespace plinth::lint::rules {
namespace pl2001 {

const RuleInfo k_info{
    "PL2001",
    Level::warning,
    "FROM without a tag or digest",
    "An image without a tag means `:latest`, which changes whenever the publisher pushes. "
    "Name a release tag, and ideally a digest.",
    "FROM ubuntu\n",
    "FROM ubuntu:24.04\n"};

class UntaggedImage final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override { return {Keyword::from}; }
  void check(const Context& ctx, const Instruction& inst, Reporter& out) override {
    const auto ref = from_image(ctx, inst);
    if (ref && ref->tag.empty() && ref->digest.empty()) {
      out.report(inst.args[0].pos, "image '" +
                                       ctx.graph.stages[static_cast<std::size_t>(ctx.stage)].base +
                                       "' has no tag or digest; pin a release tag");
    }
  }
};

} // namespace pl2001
PLINTH_LINT_RULE(pl2001, UntaggedImage)
} // namespace plinth::lint::rules
