// SPDX-License-Identifier: Apache-2.0
// PL1011: stage names BuildKit reserves or rejects.
#include "lint/rules/common.hpp"

namespace plinth::lint::rules {
namespace pl1011 {

const RuleInfo k_info{
    "PL1011",
    Level::error,
    "Invalid or reserved stage name",
    "Stage names must match `[a-z][a-z0-9-_.]*` (they are lower-cased) and must not be the "
    "reserved names `scratch` or `context`.",
    "FROM debian:12 AS scratch\n",
    "FROM debian:12 AS builder\n"};

bool valid(std::string_view n) {
  if (n.empty() || !(n[0] >= 'a' && n[0] <= 'z')) {
    return false;
  }
  for (char c : n) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.')) {
      return false;
    }
  }
  return true;
}

class StageName final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override { return {Keyword::from}; }
  void check(const Context& ctx, const Instruction& inst, Reporter& out) override {
    if (inst.keyword != Keyword::from || ctx.onbuild || ctx.stage < 0) {
      return;
    }
    const auto& s = ctx.graph.stages[static_cast<std::size_t>(ctx.stage)];
    if (s.name.empty()) {
      if (inst.args.size() == 2 || inst.args.size() > 3) {
        out.report(inst.pos, "FROM takes an image and optionally `AS name`");
      }
      return;
    }
    if (s.name == "scratch" || s.name == "context") {
      out.report(s.name_pos, "'" + s.name + "' is a reserved stage name");
    } else if (s.name.find('$') == std::string::npos && !valid(s.name)) {
      out.report(s.name_pos, "invalid stage name '" + s.name + "'; use [a-z][a-z0-9-_.]*");
    }
  }
};

} // namespace pl1011
PLINTH_LINT_RULE(pl1011, StageName)
} // namespace plinth::lint::rules
