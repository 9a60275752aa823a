// SPDX-License-Identifier: Apache-2.0
// PL1015: an empty line inside a continued instruction (reported by the parser).
#include "lint/rules/common.hpp"

namespace plinth::lint::rules {
namespace pl1015 {

const RuleInfo k_info{
    "PL1015",
    Level::warning,
    "Empty continuation line",
    "A blank line inside a `\\`-continued instruction is skipped today, but BuildKit warns it "
    "will become an error; it also often hides a missing `\\`.",
    "FROM debian:12\nRUN apt-get update && \\\n\n    apt-get install -y --no-install-recommends "
    "curl=7.88.1-10\n",
    "FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y --no-install-recommends "
    "curl=7.88.1-10\n"};

// The parser reports these; this rule only carries the metadata.
class EmptyContinuation final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override { return {}; }
  void check(const Context&, const Instruction&, Reporter&) override {}
};

} // namespace pl1015
PLINTH_LINT_RULE(pl1015, EmptyContinuation)
} // namespace plinth::lint::rules
