// SPDX-License-Identifier: Apache-2.0
// PL1003: two stages with the same name.
#include "lint/rules/common.hpp"

namespace plinth::lint::rules {
namespace pl1003 {

const RuleInfo k_info{
    "PL1003",
    Level::error,
    "Duplicate stage name",
    "Stage names (FROM … AS name) must be unique, case-insensitively; BuildKit refuses "
    "duplicates and references to the name would be ambiguous.",
    "FROM debian:12 AS build\nFROM debian:12 AS BUILD\n",
    "FROM debian:12 AS build\nFROM debian:12 AS test\n"};

class DuplicateStage final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override { return {Keyword::from}; }
  void check(const Context& ctx, const Instruction& inst, Reporter& out) override {
    if (inst.keyword != Keyword::from || ctx.stage <= 0) {
      return;
    }
    const auto& s = ctx.graph.stages[static_cast<std::size_t>(ctx.stage)];
    if (s.name.empty()) {
      return;
    }
    if (const int i = ctx.graph.first_named(s.name); i >= 0 && i < ctx.stage) {
      const auto& other = ctx.graph.stages[static_cast<std::size_t>(i)];
      out.report(s.name_pos, "stage name '" + s.name + "' is already used on line " +
                                 std::to_string(ctx.file.instructions[other.from].pos.line));
    }
  }
};

} // namespace pl1003
PLINTH_LINT_RULE(pl1003, DuplicateStage)
} // namespace plinth::lint::rules
