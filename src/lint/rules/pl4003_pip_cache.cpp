// SPDX-License-Identifier: Apache-2.0
// PL4003: pip install keeping its download cache in the layer.
#include "lint/rules/common.hpp"

namespace plinth::lint::rules {
namespace pl4003 {

const RuleInfo k_info{
    "PL4003",
    Level::warning,
    "Use pip install --no-cache-dir",
    "pip keeps every downloaded wheel in ~/.cache/pip, which then ships in the image. Pass "
    "`--no-cache-dir`, set `PIP_NO_CACHE_DIR=1`, or (better for rebuild speed) mount a cache: "
    "`RUN --mount=type=cache,target=/root/.cache/pip pip install …`.",
    "FROM python:3.12-slim\nRUN pip install flask==3.0.3\n",
    "FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install "
    "flask==3.0.3\n"};

class PipCache final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override { return {Keyword::run}; }
  void check(const Context& ctx, const Instruction& inst, Reporter& out) override {
    if (inst.keyword != Keyword::run || ctx.script == nullptr || ctx.has_cache_mount("pip") ||
        ctx.has_cache_mount("/.cache") ||
        (ctx.scope != nullptr && ctx.scope->has("PIP_NO_CACHE_DIR"))) {
      return;
    }
    for (const auto& c : ctx.script->commands) {
      const auto& pip = ctx.packages_of(c).pip;
      if (pip.subcommand == "install" && !pip.has_option({"--no-cache-dir"})) {
        out.report(cmd_pos(ctx, c));
        return;
      }
    }
  }
};

} // namespace pl4003
PLINTH_LINT_RULE(pl4003, PipCache)
} // namespace plinth::lint::rules
