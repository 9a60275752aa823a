// SPDX-License-Identifier: Apache-2.0
// PL2002: FROM with `latest` or another moving tag and no digest. The tags are
// dockerfile::k_mutable_tags, the list `plinth check` refuses in a stack's `from`.
#include "lint/rules/from_rules.hpp"

namespace plinth::lint::rules {
namespace pl2002 {

const RuleInfo k_info{
    "PL2002",
    Level::warning,
    "FROM uses a mutable tag such as latest",
    "Tags like `latest`, `stable`, `edge`, `nightly`, `main`, `master`, `dev`, `devel`, "
    "`rolling`, `current`, `testing`, `unstable`, `sid` or `head` (in any case) move all the "
    "time, so the same Dockerfile builds different images. Pin a release tag (and a digest). "
    "`plinth check` refuses the same tags in a stack's `from`.",
    "FROM node:latest\n",
    "FROM node:22.11-bookworm-slim\n"};

class MutableTag final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override { return {Keyword::from}; }
  void check(const Context& ctx, const Instruction& inst, Reporter& out) override {
    const auto ref = from_image(ctx, inst);
    if (!ref || !ref->digest.empty()) {
      return;
    }
    if (dockerfile::is_mutable_tag(ref->tag)) {
      out.report(inst.args[0].pos,
                 "tag '" + ref->tag + "' is mutable; pin a release tag or digest");
    }
  }
};

} // namespace pl2002
PLINTH_LINT_RULE(pl2002, MutableTag)
} // namespace plinth::lint::rules
