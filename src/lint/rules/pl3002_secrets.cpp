// SPDX-License-Identifier: Apache-2.0
// PL3002: secrets passed through ARG or ENV (names or values).
#include "lint/rules/common.hpp"

#include <array>

namespace plinth::lint::rules {
namespace pl3002 {

const RuleInfo k_info{
    "PL3002",
    Level::warning,
    "Secret in ARG or ENV",
    "ARG and ENV values are stored in the image metadata and build history, readable by anyone "
    "who can pull the image. Pass secrets with `RUN --mount=type=secret,id=…` instead. Names "
    "containing password, secret, token, key, auth, credential(s), apikey … (but not public, "
    "file or version) and values that look like well-known token formats are reported.",
    "FROM debian:12\nARG GITHUB_TOKEN\nRUN git clone https://$GITHUB_TOKEN@github.com/org/repo\n",
    "FROM debian:12\nRUN --mount=type=secret,id=github_token \\\n"
    "    git clone https://$(cat /run/secrets/github_token)@github.com/org/repo\n"};

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) {
    c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

bool secret_name(std::string_view key) {
  static constexpr std::array<std::string_view, 10> k_words = {
      "apikey",   "auth",  "credential", "credentials", "key",
      "password", "pword", "passwd",     "secret",      "token"};
  const auto k = lower(key);
  if (k.find("public") != std::string::npos || k.find("file") != std::string::npos ||
      k.find("version") != std::string::npos) {
    return false;
  }
  std::size_t start = 0;
  while (start <= k.size()) {
    auto end = k.find('_', start);
    if (end == std::string::npos) {
      end = k.size();
    }
    const auto part = std::string_view(k).substr(start, end - start);
    for (auto w : k_words) {
      if (part == w) {
        return true;
      }
    }
    start = end + 1;
  }
  return false;
}

bool secret_value(std::string_view v) {
  static constexpr std::array<std::string_view, 8> k_prefixes = {
      "ghp_", "gho_", "ghs_", "github_pat_", "glpat-", "xoxb-", "xoxp-", "-----BEGIN"};
  for (auto p : k_prefixes) {
    if (starts_with(v, p)) {
      return true;
    }
  }
  return v.size() == 20 && starts_with(v, "AKIA"); // AWS access key id
}

class Secrets final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override { return {Keyword::arg, Keyword::env}; }
  void check(const Context&, const Instruction& inst, Reporter& out) override {
    if (inst.keyword != Keyword::arg && inst.keyword != Keyword::env) {
      return;
    }
    for (const auto& kv : inst.pairs) {
      if (secret_name(kv.key)) {
        out.report(kv.key_pos, "'" + kv.key +
                                   "' looks like a secret; ARG/ENV values end up in "
                                   "the image; use RUN --mount=type=secret");
      } else if (kv.value && secret_value(*kv.value)) {
        out.report(kv.value_pos, "the value of '" + kv.key + "' looks like a credential");
      }
    }
  }
};

} // namespace pl3002
PLINTH_LINT_RULE(pl3002, Secrets)
} // namespace plinth::lint::rules
