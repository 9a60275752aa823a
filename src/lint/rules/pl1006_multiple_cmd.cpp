// SPDX-License-Identifier: Apache-2.0
// PL1006: more than one CMD, ENTRYPOINT or HEALTHCHECK in a stage.
#include "lint/rules/common.hpp"

#include <array>

namespace plinth::lint::rules {
namespace pl1006 {

const RuleInfo k_info{
    "PL1006",
    Level::warning,
    "Multiple CMD, ENTRYPOINT or HEALTHCHECK in one stage",
    "Only the last CMD, ENTRYPOINT or HEALTHCHECK of a stage takes effect; earlier ones are "
    "dead code and usually a mistake.",
    "FROM debian:12\nCMD [\"bash\"]\nCMD [\"python3\"]\n",
    "FROM debian:12\nCMD [\"python3\"]\n"};

class MultipleCmd final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override {
    return {Keyword::from, Keyword::cmd, Keyword::entrypoint, Keyword::healthcheck};
  }
  void begin(const Context&) override { m_seen = {}; }
  void check(const Context& ctx, const Instruction& inst, Reporter& out) override {
    if (ctx.onbuild) {
      return;
    }
    if (inst.keyword == Keyword::from) {
      m_seen = {};
      return;
    }
    std::size_t slot = 3;
    if (inst.keyword == Keyword::cmd) {
      slot = 0;
    } else if (inst.keyword == Keyword::entrypoint) {
      slot = 1;
    } else if (inst.keyword == Keyword::healthcheck) {
      slot = 2;
    }
    if (slot == 3) {
      return;
    }
    if (m_seen[slot] > 0) {
      out.report(inst.pos, "multiple " + std::string(keyword_name(inst.keyword)) +
                               " instructions in this stage; only the last takes effect "
                               "(previous one on line " +
                               std::to_string(m_seen[slot]) + ")");
    }
    m_seen[slot] = inst.pos.line;
  }

private:
  std::array<int, 3> m_seen{};
};

} // namespace pl1006
PLINTH_LINT_RULE(pl1006, MultipleCmd)
} // namespace plinth::lint::rules
