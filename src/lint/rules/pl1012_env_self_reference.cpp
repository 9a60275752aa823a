// SPDX-License-Identifier: Apache-2.0
// PL1012: an ENV pair using a variable set earlier in the same ENV instruction.
#include "dockerfile/substitution.hpp"
#include "lint/rules/common.hpp"

namespace plinth::lint::rules {
namespace pl1012 {

const RuleInfo k_info{
    "PL1012",
    Level::warning,
    "ENV refers to a variable defined in the same ENV",
    "All pairs of one ENV instruction are expanded with the values from before it, so "
    "`ENV A=1 B=$A` sets B from the old A (usually empty). Split it into two ENV lines.",
    "FROM debian:12\nENV PREFIX=/opt/app BIN=$PREFIX/bin\n",
    "FROM debian:12\nENV PREFIX=/opt/app\nENV BIN=$PREFIX/bin\n"};

class EnvSelfReference final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override { return {Keyword::env}; }
  void check(const Context& ctx, const Instruction& inst, Reporter& out) override {
    if (inst.keyword != Keyword::env || inst.pairs.size() < 2) {
      return;
    }
    for (std::size_t i = 1; i < inst.pairs.size(); ++i) {
      const auto& kv = inst.pairs[i];
      if (kv.raw_value.find('$') == std::string::npos) {
        continue;
      }
      const auto e = dockerfile::expand_word(kv.raw_value, {}, ctx.file.escape);
      for (const auto& ref : e.referenced) {
        for (std::size_t j = 0; j < i; ++j) {
          if (inst.pairs[j].key == ref) {
            out.report(kv.value_pos, "'$" + ref +
                                         "' is set in this same ENV and expands to its "
                                         "previous value here; use a separate ENV");
          }
        }
      }
    }
  }
};

} // namespace pl1012
PLINTH_LINT_RULE(pl1012, EnvSelfReference)
} // namespace plinth::lint::rules
