// SPDX-License-Identifier: Apache-2.0
// PL2006: npm install of named packages without @version.
#include "lint/rules/common.hpp"

namespace plinth::lint::rules {
namespace pl2006 {

const RuleInfo k_info{
    "PL2006",
    Level::warning,
    "Pin versions in npm install",
    "`npm install -g yarn` installs the newest release at build time. Name the version: "
    "`yarn@1.22.22`. A bare `npm install`/`npm ci` from package-lock.json is fine.",
    "FROM node:22-slim\nRUN npm install -g yarn\n",
    "FROM node:22-slim\nRUN npm install -g yarn@1.22.22\n"};

bool pinned(std::string_view t) {
  const auto at = t.find('@', t.empty() || t[0] != '@' ? 0 : 1); // skip the @scope prefix
  return at != std::string_view::npos && at + 1 < t.size();
}

class NpmPin final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override { return {Keyword::run}; }
  void check(const Context& ctx, const Instruction& inst, Reporter& out) override {
    if (inst.keyword != Keyword::run || ctx.script == nullptr) {
      return;
    }
    for (const auto& c : ctx.script->commands) {
      const auto& npm = ctx.packages_of(c).npm;
      const auto sub = npm.subcommand;
      if (sub != "install" && sub != "i" && sub != "add") {
        continue;
      }
      for (const auto* w : npm.operands) {
        const auto& t = w->text;
        if (t.empty() || t[0] == '.' || t[0] == '/' || t.find('$') != std::string::npos ||
            t.find(':') != std::string::npos || ends_with(t, ".tgz") || pinned(t)) {
          continue;
        }
        out.report(word_pos(ctx, *w),
                   "npm install of '" + t + "' without a version (use " + t + "@<version>)");
        break;
      }
    }
  }
};

} // namespace pl2006
PLINTH_LINT_RULE(pl2006, NpmPin)
} // namespace plinth::lint::rules
