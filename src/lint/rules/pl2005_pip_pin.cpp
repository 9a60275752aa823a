// SPDX-License-Identifier: Apache-2.0
// PL2005: pip install without == pins or a requirements/constraints file.
#include "lint/rules/common.hpp"

namespace plinth::lint::rules {
namespace pl2005 {

const RuleInfo k_info{
    "PL2005",
    Level::warning,
    "Pin versions in pip install",
    "`pip install flask` resolves to a different version every week. Pin `flask==3.0.3`, or "
    "install from a requirements (`-r`) or constraints (`-c`) file. Local paths, URLs, wheels "
    "and variables are not judged.",
    "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n",
    "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3\n"};

class PipPin final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override { return {Keyword::run}; }
  void check(const Context& ctx, const Instruction& inst, Reporter& out) override {
    if (inst.keyword != Keyword::run || ctx.script == nullptr) {
      return;
    }
    for (const auto& c : ctx.script->commands) {
      const auto& pip = ctx.packages_of(c).pip;
      if (pip.subcommand != "install" || pip.has_option({"-c", "--constraint"})) {
        continue;
      }
      std::string names;
      const ShellWord* first = nullptr;
      for (const auto* w : pip.operands) {
        const auto& t = w->text;
        if (opaque_operand(t) || t.find("==") != std::string::npos ||
            t.find('@') != std::string::npos || t.find("://") != std::string::npos) {
          continue;
        }
        first = first ? first : w;
        names += names.empty() ? t : ", " + t;
      }
      if (first != nullptr) {
        out.report(word_pos(ctx, *first),
                   "pip install without version pins: " + names + " (use name==version)");
      }
    }
  }
};

} // namespace pl2005
PLINTH_LINT_RULE(pl2005, PipPin)
} // namespace plinth::lint::rules
