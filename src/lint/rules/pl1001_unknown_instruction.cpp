// SPDX-License-Identifier: Apache-2.0
// PL1001: an instruction keyword BuildKit does not know.
#include "lint/rules/common.hpp"
#include "util/spelling.hpp"

#include <array>

namespace plinth::lint::rules {
namespace pl1001 {

const RuleInfo k_info{
    "PL1001",
    Level::error,
    "Unknown instruction",
    "BuildKit rejects a Dockerfile with an instruction it does not know, usually a typo.",
    "FROM debian:12\nCOPPY app /app\n",
    "FROM debian:12\nCOPY app /app\n"};

class UnknownInstruction final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override { return {Keyword::unknown}; }
  void check(const Context&, const Instruction& inst, Reporter& out) override {
    if (inst.keyword != Keyword::unknown) {
      return;
    }
    static constexpr std::array<std::string_view, 18> k_known = {
        "FROM",    "RUN", "CMD",     "LABEL",      "MAINTAINER",  "EXPOSE",
        "ENV",     "ADD", "COPY",    "ENTRYPOINT", "VOLUME",      "USER",
        "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL"};
    std::string upper = inst.keyword_raw;
    for (auto& c : upper) {
      c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    const auto hint = closest_match(upper, {k_known.begin(), k_known.end()});
    out.report(inst.pos, "unknown instruction '" + inst.keyword_raw + "'" +
                             (hint ? "; did you mean " + *hint + "?" : std::string()));
  }
};

} // namespace pl1001
PLINTH_LINT_RULE(pl1001, UnknownInstruction)
} // namespace plinth::lint::rules
