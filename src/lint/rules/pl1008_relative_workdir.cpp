// SPDX-License-Identifier: Apache-2.0
// PL1008: WORKDIR with a relative path before any absolute one in the stage.
#include "lint/rules/common.hpp"

namespace plinth::lint::rules {
namespace pl1008 {

const RuleInfo k_info{
    "PL1008",
    Level::warning,
    "WORKDIR should be an absolute path",
    "A relative WORKDIR is resolved against the base image's working directory, which can "
    "change under you. Use an absolute path (a relative one is fine after an absolute WORKDIR "
    "in the same stage).",
    "FROM debian:12\nWORKDIR app\n",
    "FROM debian:12\nWORKDIR /app\nWORKDIR src\n"};

bool absolute(std::string_view p) {
  return p.empty() || p[0] == '/' || p[0] == '$' || p[0] == '\\' ||
         (p.size() >= 2 && p[1] == ':'); // Windows drive
}

class RelativeWorkdir final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override { return {Keyword::from, Keyword::workdir}; }
  void begin(const Context&) override { m_absolute = false; }
  void check(const Context& ctx, const Instruction& inst, Reporter& out) override {
    if (inst.keyword == Keyword::from && !ctx.onbuild) {
      m_absolute = false;
    }
    if (inst.keyword != Keyword::workdir || inst.args.empty()) {
      return;
    }
    const auto& p = inst.args[0].text;
    if (absolute(p)) {
      m_absolute = true;
    } else if (!m_absolute) {
      out.report(inst.args[0].pos, "WORKDIR '" + p + "' is relative; use an absolute path");
    }
  }

private:
  bool m_absolute = false;
};

} // namespace pl1008
PLINTH_LINT_RULE(pl1008, RelativeWorkdir)
} // namespace plinth::lint::rules
