// SPDX-License-Identifier: Apache-2.0
// PL6003: MAINTAINER is deprecated.
#include "lint/rules/common.hpp"

namespace plinth::lint::rules {
namespace pl6003 {

const RuleInfo k_info{
    "PL6003",
    Level::info,
    "MAINTAINER is deprecated",
    "MAINTAINER has been deprecated since Docker 1.13; tools read the OCI label instead: "
    "`LABEL org.opencontainers.image.authors=…`.",
    "FROM debian:12\nMAINTAINER Jane Doe <jane@example.com>\n",
    "FROM debian:12\nLABEL org.opencontainers.image.authors=\"Jane Doe <jane@example.com>\"\n"};

class Maintainer final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override { return {Keyword::maintainer}; }
  void check(const Context&, const Instruction& inst, Reporter& out) override {
    if (inst.keyword == Keyword::maintainer) {
      out.report(inst.pos, "MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors");
    }
  }
};

} // namespace pl6003
PLINTH_LINT_RULE(pl6003, Maintainer)
} // namespace plinth::lint::rules
