// SPDX-License-Identifier: Apache-2.0
// PL3008: RUN --security=insecure or --network=host.
#include "lint/rules/common.hpp"

namespace plinth::lint::rules {
namespace pl3008 {

const RuleInfo k_info{
    "PL3008",
    Level::warning,
    "RUN with insecure sandbox or host network",
    "`RUN --security=insecure` drops the build sandbox (it needs the security.insecure "
    "entitlement) and `--network=host` exposes the host's network to build steps. Both make "
    "builds depend on and able to reach the build machine.",
    "FROM debian:12\nRUN --security=insecure mount -t tmpfs none /mnt\n",
    "FROM debian:12\nRUN --mount=type=tmpfs,target=/mnt ls /mnt\n"};

class InsecureRun final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override { return {Keyword::run}; }
  void check(const Context&, const Instruction& inst, Reporter& out) override {
    if (inst.keyword != Keyword::run) {
      return;
    }
    for (const auto& f : inst.flags) {
      if ((f.name == "security" && f.value == "insecure") ||
          (f.name == "network" && f.value == "host")) {
        out.report(f.pos, "--" + f.name + "=" + *f.value + " weakens build isolation");
      }
    }
  }
};

} // namespace pl3008
PLINTH_LINT_RULE(pl3008, InsecureRun)
} // namespace plinth::lint::rules
