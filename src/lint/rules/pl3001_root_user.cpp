// SPDX-License-Identifier: Apache-2.0
// PL3001: the final stage runs as root (last USER is root, or no USER at all).
#include "lint/rules/common.hpp"

#include <vector>

namespace plinth::lint::rules {
namespace pl3001 {

const RuleInfo k_info{
    "PL3001",
    Level::warning,
    "Final stage runs as root",
    "A container running as root turns any code-execution bug into root on the container and "
    "a step closer to the host. End the final stage with `USER <non-root uid>`. Build stages "
    "may use root freely; a final stage built on an earlier stage inherits its USER.",
    "FROM debian:12\nRUN useradd -u 1000 app\n",
    "FROM debian:12\nRUN useradd -u 1000 app\nUSER 1000\n"};

bool is_root(std::string_view u) {
  const auto colon = u.find(':');
  const auto user = u.substr(0, colon);
  return user == "root" || user == "0";
}

class RootUser final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override { return {Keyword::from, Keyword::user}; }
  void begin(const Context& ctx) override { m_users.assign(ctx.graph.stages.size(), {}); }
  void check(const Context& ctx, const Instruction& inst, Reporter&) override {
    if (ctx.onbuild || ctx.stage < 0) {
      return;
    }
    auto& u = m_users[static_cast<std::size_t>(ctx.stage)];
    if (inst.keyword == Keyword::from) {
      const int parent = ctx.graph.stages[static_cast<std::size_t>(ctx.stage)].parent;
      if (parent >= 0) {
        u = m_users[static_cast<std::size_t>(parent)];
      }
    } else if (inst.keyword == Keyword::user && !inst.args.empty()) {
      u = {inst.args[0].text, inst.args[0].pos};
    }
  }
  void finish(const Context& ctx, Reporter& out) override {
    if (m_users.empty()) {
      return;
    }
    const auto& last = m_users.back();
    if (last.pos.line == 0) {
      const auto& from = ctx.file.instructions[ctx.graph.stages.back().from];
      out.report(from.pos, "final stage has no USER instruction and runs as root (unless the "
                           "base image sets a user); add USER <non-root uid>");
    } else if (is_root(last.name)) {
      out.report(last.pos, "final stage runs as root; switch to a non-root USER at the end");
    }
  }

private:
  struct User {
    std::string name;
    Pos pos;
  };
  std::vector<User> m_users;
};

} // namespace pl3001
PLINTH_LINT_RULE(pl3001, RootUser)
} // namespace plinth::lint::rules
