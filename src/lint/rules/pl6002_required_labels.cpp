// SPDX-License-Identifier: Apache-2.0
// PL6002: the final image lacks a label the configuration requires.
#include "lint/rules/common.hpp"

#include <set>
#include <vector>

namespace plinth::lint::rules {
namespace pl6002 {

const RuleInfo k_info{
    "PL6002",
    Level::warning,
    "Required label missing",
    "When `required-labels` is configured, the final stage (including the earlier stages it "
    "builds on) must set each of those LABEL keys, e.g. org.opencontainers.image.source for "
    "provenance. Labels inherited from an external base image are not visible to the linter.",
    "FROM debian:12\nLABEL org.opencontainers.image.title=tool\n",
    "FROM debian:12\nLABEL org.opencontainers.image.title=tool \\\n"
    "      org.opencontainers.image.source=https://github.com/example/tool\n",
    "required-labels: [org.opencontainers.image.source]\n"};

class RequiredLabels final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override { return {Keyword::from, Keyword::label}; }
  void begin(const Context& ctx) override { m_labels.assign(ctx.graph.stages.size(), {}); }
  void check(const Context& ctx, const Instruction& inst, Reporter&) override {
    if (ctx.onbuild || ctx.stage < 0) {
      return;
    }
    auto& mine = m_labels[static_cast<std::size_t>(ctx.stage)];
    if (inst.keyword == Keyword::from) {
      const int parent = ctx.graph.stages[static_cast<std::size_t>(ctx.stage)].parent;
      if (parent >= 0) {
        mine = m_labels[static_cast<std::size_t>(parent)];
      }
    } else if (inst.keyword == Keyword::label) {
      for (const auto& kv : inst.pairs) {
        mine.insert(kv.key);
      }
    }
  }
  void finish(const Context& ctx, Reporter& out) override {
    if (ctx.config.required_labels.empty() || m_labels.empty()) {
      return;
    }
    const auto& from = ctx.file.instructions[ctx.graph.stages.back().from];
    for (const auto& l : ctx.config.required_labels) {
      if (!m_labels.back().contains(l)) {
        out.report(from.pos, "the final image has no LABEL " + l);
      }
    }
  }

private:
  std::vector<std::set<std::string>> m_labels;
};

} // namespace pl6002
PLINTH_LINT_RULE(pl6002, RequiredLabels)
} // namespace plinth::lint::rules
