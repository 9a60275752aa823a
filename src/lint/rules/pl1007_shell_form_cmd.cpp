// SPDX-License-Identifier: Apache-2.0
// PL1007: CMD/ENTRYPOINT in shell form: the process is `/bin/sh -c`, which does not forward
// signals, so `docker stop` waits for the timeout and kills it.
#include "lint/rules/common.hpp"

namespace plinth::lint::rules {
namespace pl1007 {

const RuleInfo k_info{
    "PL1007",
    Level::warning,
    "Use exec (JSON) form for CMD and ENTRYPOINT",
    "In shell form the container's PID 1 is `/bin/sh -c`, which does not pass SIGTERM on to "
    "your program: it cannot shut down cleanly and is killed after the stop timeout. Use the "
    "JSON array form. Not reported when the stage sets a SHELL (the shell is then deliberate).",
    "FROM python:3.12-slim\nCMD python3 -m http.server\n",
    "FROM python:3.12-slim\nCMD [\"python3\", \"-m\", \"http.server\"]\n"};

class ShellFormCmd final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override { return {Keyword::cmd, Keyword::entrypoint}; }
  void check(const Context& ctx, const Instruction& inst, Reporter& out) override {
    if ((inst.keyword != Keyword::cmd && inst.keyword != Keyword::entrypoint) || inst.exec_form ||
        ctx.stage_has_shell || inst.text.empty()) {
      return;
    }
    out.report(inst.text_pos, std::string(keyword_name(inst.keyword)) +
                                  " in shell form does not forward signals; use the JSON form "
                                  "[\"executable\", \"arg\"]");
  }
};

} // namespace pl1007
PLINTH_LINT_RULE(pl1007, ShellFormCmd)
} // namespace plinth::lint::rules
