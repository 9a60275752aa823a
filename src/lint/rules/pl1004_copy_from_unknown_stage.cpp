// SPDX-License-Identifier: Apache-2.0
// PL1004: COPY --from / RUN --mount from= naming no earlier stage (or its own stage).
#include "lint/rules/common.hpp"

namespace plinth::lint::rules {
namespace pl1004 {

const RuleInfo k_info{
    "PL1004",
    Level::error,
    "COPY --from refers to an unknown stage",
    "`COPY --from=name` must name an earlier stage (or stage index), or be a full image "
    "reference such as `nginx:1.27`. A stage cannot copy from itself or from a later stage; a "
    "bare unknown name is most likely a typo (BuildKit would try to pull it as an image).",
    "FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM debian:12\nCOPY --from=buld /app "
    "/app\n",
    "FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM debian:12\nCOPY --from=build /app "
    "/app\n"};

bool looks_like_image(std::string_view v) {
  return v.find_first_of(":/@.") != std::string_view::npos;
}

class CopyFromUnknown final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override { return {Keyword::copy, Keyword::run}; }
  void check(const Context& ctx, const Instruction& inst, Reporter& out) override {
    if (ctx.onbuild || ctx.stage < 0) {
      return;
    }
    if (inst.keyword == Keyword::copy) {
      if (const auto* f = inst.flag("from"); f != nullptr && f->value) {
        judge(ctx, *f->value, f->value_pos, out);
      }
    } else if (inst.keyword == Keyword::run && ctx.mounts != nullptr) {
      const auto flags = inst.flags_named("mount");
      for (std::size_t i = 0; i < ctx.mounts->size() && i < flags.size(); ++i) {
        if (!(*ctx.mounts)[i].from.empty()) {
          judge(ctx, (*ctx.mounts)[i].from, flags[i]->value_pos, out);
        }
      }
    }
  }

private:
  static void judge(const Context& ctx, const std::string& ref, Pos pos, Reporter& out) {
    if (ref.empty() || ref.find('$') != std::string::npos || looks_like_image(ref)) {
      return;
    }
    if (ctx.graph.find(ref, ctx.stage) >= 0) {
      return;
    }
    const auto here = ctx.graph.find(ref, static_cast<int>(ctx.graph.stages.size()));
    if (here == ctx.stage) {
      out.report(pos, "'" + ref + "' is the current stage; a stage cannot copy from itself");
    } else if (here > ctx.stage) {
      out.report(pos, "stage '" + ref + "' is defined later; only earlier stages can be used");
    } else {
      out.report(pos, "'" + ref +
                          "' is not an earlier stage; write a full image reference "
                          "(name:tag) if an image is meant");
    }
  }
};

} // namespace pl1004
PLINTH_LINT_RULE(pl1004, CopyFromUnknown)
} // namespace plinth::lint::rules
