// SPDX-License-Identifier: Apache-2.0
// PL5001: COPY . (the whole context) before installing dependencies.
#include "lint/rules/common.hpp"

#include <vector>

namespace plinth::lint::rules {
namespace pl5001 {

const RuleInfo k_info{
    "PL5001",
    Level::info,
    "COPY of the whole context before installing dependencies",
    "Any edit to any file invalidates the layer cache from `COPY . .` onward, so a dependency "
    "install after it reruns on every code change. Copy only the dependency manifests "
    "(requirements.txt, package-lock.json, go.sum …), install, then copy the rest.",
    "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r "
    "requirements.txt\n",
    "FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install "
    "--no-cache-dir -r requirements.txt\nCOPY . .\n"};

bool whole_context(const Instruction& inst) {
  if ((inst.keyword != Keyword::copy && inst.keyword != Keyword::add) ||
      inst.flag("from") != nullptr || inst.args.size() < 2) {
    return false;
  }
  for (std::size_t i = 0; i + 1 < inst.args.size(); ++i) {
    const auto& s = inst.args[i].text;
    if (s == "." || s == "./" || s == "*") {
      return true;
    }
  }
  return false;
}

bool installs(const Context& ctx) {
  for (const auto& c : ctx.script->commands) {
    const auto n = c.name();
    const auto sub = c.arg(0);
    if (ctx.packages_of(c).apt.subcommand == "install" ||
        ctx.packages_of(c).pip.subcommand == "install" ||
        ctx.packages_of(c).apk.subcommand == "add" ||
        ((n == "npm" || n == "yarn" || n == "pnpm") &&
         (sub == "install" || sub == "ci" || sub == "i" || c.arg_count() == 0)) ||
        ((n == "poetry" || n == "bundle" || n == "conda" || n == "mamba" || n == "micromamba" ||
          n == "uv" || n == "pipenv") &&
         (sub == "install" || sub == "sync" || sub == "env")) ||
        (n == "go" && sub == "mod")) {
      return true;
    }
  }
  return false;
}

class CopyBeforeInstall final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override {
    return {Keyword::from, Keyword::copy, Keyword::add, Keyword::run};
  }
  void begin(const Context&) override { m_pending.clear(); }
  void check(const Context& ctx, const Instruction& inst, Reporter& out) override {
    if (ctx.onbuild) {
      return;
    }
    if (inst.keyword == Keyword::from) {
      m_pending.clear();
    } else if (whole_context(inst)) {
      m_pending.push_back(inst.pos);
    } else if (inst.keyword == Keyword::run && ctx.script != nullptr && !m_pending.empty() &&
               installs(ctx)) {
      for (const auto& p : m_pending) {
        out.report(p, "COPY of the whole build context before the dependency install on line " +
                          std::to_string(inst.pos.line) + " defeats the layer cache");
      }
      m_pending.clear();
    }
  }

private:
  std::vector<Pos> m_pending;
};

} // namespace pl5001
PLINTH_LINT_RULE(pl5001, CopyBeforeInstall)
} // namespace plinth::lint::rules
