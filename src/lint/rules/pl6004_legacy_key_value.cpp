// SPDX-License-Identifier: Apache-2.0
// PL6004: legacy `ENV key value` / `LABEL key value` without '='.
#include "lint/rules/common.hpp"

namespace plinth::lint::rules {
namespace pl6004 {

const RuleInfo k_info{
    "PL6004",
    Level::style,
    "Use key=value in ENV and LABEL",
    "The legacy `ENV key value` form treats the whole rest of the line as the value: "
    "`ENV A B=1` sets A to \"B=1\". It is deprecated; write `ENV key=value`.",
    "FROM debian:12\nENV LANG C.UTF-8\n",
    "FROM debian:12\nENV LANG=C.UTF-8\n"};

class LegacyKeyValue final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override { return {Keyword::env, Keyword::label}; }
  void check(const Context&, const Instruction& inst, Reporter& out) override {
    if ((inst.keyword == Keyword::env || inst.keyword == Keyword::label) && !inst.pairs.empty() &&
        inst.pairs[0].legacy) {
      out.report(inst.pairs[0].key_pos, "legacy '" + std::string(keyword_name(inst.keyword)) +
                                            " key value' form; use " + inst.pairs[0].key +
                                            "=value");
    }
  }
};

} // namespace pl6004
PLINTH_LINT_RULE(pl6004, LegacyKeyValue)
} // namespace plinth::lint::rules
