// SPDX-License-Identifier: Apache-2.0
// PL1010: COPY/ADD with several sources needs a destination directory ending in '/'.
#include "lint/rules/common.hpp"

namespace plinth::lint::rules {
namespace pl1010 {

const RuleInfo k_info{
    "PL1010",
    Level::error,
    "COPY with several sources needs a destination ending in /",
    "When COPY or ADD has more than one source the destination must be a directory, written "
    "with a trailing slash; otherwise the build fails.",
    "FROM debian:12\nCOPY a.txt b.txt /opt\n",
    "FROM debian:12\nCOPY a.txt b.txt /opt/\n"};

class CopyDestSlash final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override { return {Keyword::copy, Keyword::add}; }
  void check(const Context&, const Instruction& inst, Reporter& out) override {
    if ((inst.keyword != Keyword::copy && inst.keyword != Keyword::add) || inst.args.size() < 3) {
      return;
    }
    const auto& dest = inst.args.back();
    if (dest.text.find('$') != std::string::npos || ends_with(dest.text, "/") ||
        ends_with(dest.text, "\\")) {
      return;
    }
    out.report(dest.pos,
               "destination '" + dest.text + "' must end with '/' when copying several sources");
  }
};

} // namespace pl1010
PLINTH_LINT_RULE(pl1010, CopyDestSlash)
} // namespace plinth::lint::rules
