// SPDX-License-Identifier: Apache-2.0
// PL1017: a flag the instruction does not accept, or a flag missing its value.
#include "lint/rules/common.hpp"
#include "util/spelling.hpp"

#include <vector>

namespace plinth::lint::rules {
namespace pl1017 {

const RuleInfo k_info{
    "PL1017",
    Level::error,
    "Unknown or malformed instruction flag",
    "BuildKit accepts only specific flags per instruction (FROM --platform; RUN --mount, "
    "--network, --security, --device; COPY/ADD --from, --chown, --chmod, --link, --parents, "
    "--exclude, ADD --checksum, --keep-git-dir, --unpack; HEALTHCHECK timing flags). Others, "
    "and string flags without `=value`, fail the build.",
    "FROM debian:12\nCOPY --chwon=1000 app /app\n",
    "FROM debian:12\nCOPY --chown=1000 app /app\n"};

struct Allowed {
  Keyword keyword;
  std::vector<std::string_view> flags;
  std::vector<std::string_view> booleans; // may appear without a value
};

const std::vector<Allowed>& table() {
  static const std::vector<Allowed> k_table = {
      {Keyword::from, {"platform"}, {}},
      {Keyword::run, {"mount", "network", "security", "device"}, {}},
      {Keyword::copy,
       {"from", "chown", "chmod", "link", "parents", "exclude"},
       {"link", "parents"}},
      {Keyword::add,
       {"chown", "chmod", "link", "checksum", "keep-git-dir", "unpack", "exclude"},
       {"link", "keep-git-dir", "unpack"}},
      {Keyword::healthcheck,
       {"interval", "timeout", "start-period", "start-interval", "retries"},
       {}},
  };
  return k_table;
}

bool contains(const std::vector<std::string_view>& v, std::string_view s) {
  for (auto x : v) {
    if (x == s) {
      return true;
    }
  }
  return false;
}

class UnknownFlag final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  void check(const Context&, const Instruction& inst, Reporter& out) override {
    if (inst.flags.empty() || inst.keyword == Keyword::unknown) {
      return;
    }
    const Allowed* allowed = nullptr;
    for (const auto& a : table()) {
      allowed = a.keyword == inst.keyword ? &a : allowed;
    }
    for (const auto& f : inst.flags) {
      if (allowed == nullptr || !contains(allowed->flags, f.name)) {
        std::string msg =
            "unknown flag --" + f.name + " for " + std::string(keyword_name(inst.keyword));
        if (allowed != nullptr) {
          if (const auto hint = closest_match(f.name, allowed->flags)) {
            msg += "; did you mean --" + *hint + "?";
          }
        }
        out.report(f.pos, msg);
      } else if (!f.value && !contains(allowed->booleans, f.name)) {
        out.report(f.pos, "--" + f.name + " needs a value (--" + f.name + "=…)");
      }
    }
  }
};

} // namespace pl1017
PLINTH_LINT_RULE(pl1017, UnknownFlag)
} // namespace plinth::lint::rules
