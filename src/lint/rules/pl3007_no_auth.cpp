// SPDX-License-Identifier: Apache-2.0
// PL3007: a notebook/IDE server started without authentication.
#include "lint/rules/common.hpp"

namespace plinth::lint::rules {
namespace pl3007 {

const RuleInfo k_info{
    "PL3007",
    Level::error,
    "Server started without authentication",
    "`--NotebookApp.token=''`, `--ServerApp.token=''`, an empty `JUPYTER_TOKEN` or code-server's "
    "`--auth none` give anyone who can reach the port a shell in the container. Keep the "
    "generated token, or set a password from a secret.",
    "FROM quay.io/jupyter/base-notebook:2024-12-02\n"
    "CMD [\"start-notebook.py\", \"--ServerApp.token=''\"]\n",
    "FROM quay.io/jupyter/base-notebook:2024-12-02\nCMD [\"start-notebook.py\"]\n"};

std::string_view strip_quotes(std::string_view v) {
  while (v.size() >= 2 && (v.front() == '\'' || v.front() == '"') && v.back() == v.front()) {
    v = v.substr(1, v.size() - 2);
  }
  return v;
}

bool empty_secret_flag(std::string_view w) {
  if (w.size() < 3 || w[0] != '-' || w[1] != '-') {
    return false;
  }
  const auto dot = w.find('.');
  const auto eq = w.find('=');
  if (dot == std::string_view::npos || eq == std::string_view::npos || eq < dot) {
    return w == "--auth=none";
  }
  const auto app = w.substr(2, dot - 2);
  const auto opt = w.substr(dot + 1, eq - dot - 1);
  return (app == "NotebookApp" || app == "ServerApp" || app == "IdentityProvider" ||
          app == "PasswordIdentityProvider") &&
         (opt == "token" || opt == "password") && strip_quotes(w.substr(eq + 1)).empty();
}

class NoAuth final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override { return {Keyword::env, Keyword::cmd, Keyword::entrypoint}; }
  void check(const Context&, const Instruction& inst, Reporter& out) override {
    if (inst.keyword == Keyword::env) {
      for (const auto& kv : inst.pairs) {
        if (kv.key == "JUPYTER_TOKEN" && kv.value && strip_quotes(*kv.value).empty()) {
          out.report(kv.key_pos, "empty JUPYTER_TOKEN disables authentication");
        }
      }
      return;
    }
    if (inst.keyword != Keyword::cmd && inst.keyword != Keyword::entrypoint) {
      return;
    }
    for (std::size_t i = 0; i < inst.args.size(); ++i) {
      const auto& w = inst.args[i].text;
      const bool auth_none =
          w == "--auth" && i + 1 < inst.args.size() && inst.args[i + 1].text == "none";
      if (auth_none || empty_secret_flag(w)) {
        out.report(inst.args[i].pos, "'" + w + (auth_none ? " none" : "") +
                                         "' starts the server without authentication");
      }
    }
  }
};

} // namespace pl3007
PLINTH_LINT_RULE(pl3007, NoAuth)
} // namespace plinth::lint::rules
