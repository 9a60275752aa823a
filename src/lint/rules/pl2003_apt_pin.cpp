// SPDX-License-Identifier: Apache-2.0
// PL2003: apt-get install without version pins.
#include "lint/rules/common.hpp"

namespace plinth::lint::rules {
namespace pl2003 {

const RuleInfo k_info{
    "PL2003",
    Level::warning,
    "Pin versions in apt-get install",
    "`apt-get install curl` installs whatever version the mirror has today. Pin `curl=<version>` "
    "so rebuilds are reproducible (variables, paths and .deb files are not judged). Plinth "
    "stacks whose policy allows unpinned packages get `# plinth-lint ignore=PL2003`.",
    "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n"
    "    && rm -rf /var/lib/apt/lists/*\n",
    "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends "
    "curl=7.88.1-10+deb12u8 \\\n    && rm -rf /var/lib/apt/lists/*\n"};

class AptPin final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override { return {Keyword::run}; }
  void check(const Context& ctx, const Instruction& inst, Reporter& out) override {
    if (inst.keyword != Keyword::run || ctx.script == nullptr) {
      return;
    }
    for (const auto& c : ctx.script->commands) {
      const auto& apt = ctx.packages_of(c).apt;
      if (apt.subcommand != "install") {
        continue;
      }
      std::string names;
      const ShellWord* first = nullptr;
      for (const auto* w : apt.operands) {
        if (opaque_operand(w->text) || w->text.find('=') != std::string::npos) {
          continue;
        }
        first = first ? first : w;
        names += names.empty() ? w->text : ", " + w->text;
      }
      if (first != nullptr) {
        out.report(word_pos(ctx, *first),
                   "apt-get install without version pins: " + names + " (use name=version)");
      }
    }
  }
};

} // namespace pl2003
PLINTH_LINT_RULE(pl2003, AptPin)
} // namespace plinth::lint::rules
