// SPDX-License-Identifier: Apache-2.0
// PL1002: the file must start with FROM (only ARG and comments may come before it).
#include "lint/rules/common.hpp"

namespace plinth::lint::rules {
namespace pl1002 {

const RuleInfo k_info{
    "PL1002",
    Level::error,
    "Dockerfile must begin with FROM",
    "Every build stage starts with FROM; only global ARGs, comments and parser directives may "
    "precede the first FROM. A file without FROM cannot be built.",
    "RUN echo hello\nFROM debian:12\n",
    "ARG TAG=12\nFROM debian:${TAG}\nRUN echo hello\n"};

class MissingFrom final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  void begin(const Context&) override { m_done = false; }
  void check(const Context& ctx, const Instruction& inst, Reporter& out) override {
    if (m_done || ctx.onbuild) {
      return;
    }
    if (inst.keyword == Keyword::from) {
      m_done = true;
    } else if (inst.keyword != Keyword::arg) {
      m_done = true;
      out.report(inst.pos, std::string(keyword_name(inst.keyword).empty()
                                           ? inst.keyword_raw
                                           : std::string(keyword_name(inst.keyword))) +
                               " before the first FROM; a Dockerfile must begin with FROM");
    }
  }
  void finish(const Context& ctx, Reporter& out) override {
    if (!m_done && !ctx.file.instructions.empty()) {
      out.report(ctx.file.instructions.front().pos, "no FROM instruction");
    }
  }

private:
  bool m_done = false;
};

} // namespace pl1002
PLINTH_LINT_RULE(pl1002, MissingFrom)
} // namespace plinth::lint::rules
