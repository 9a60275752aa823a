// SPDX-License-Identifier: Apache-2.0
// PL3004: `curl … | sh` runs unverified remote code.
#include "lint/rules/common.hpp"

namespace plinth::lint::rules {
namespace pl3004 {

const RuleInfo k_info{
    "PL3004",
    Level::warning,
    "Remote script piped into a shell",
    "`curl https://… | sh` executes whatever the server sends, with no integrity check and "
    "usually as root. Download to a file, verify its checksum, then run it.",
    "FROM debian:12\nRUN curl -fsSL https://get.example.com/install.sh | sh\n",
    "FROM debian:12\nRUN curl -fsSLo /tmp/install.sh https://get.example.com/install.sh \\\n"
    "    && echo \"24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d  "
    "/tmp/install.sh\" | sha256sum -c - \\\n    && sh /tmp/install.sh\n"};

bool is_interpreter(std::string_view n) {
  return n == "sh" || n == "bash" || n == "zsh" || n == "dash" || n == "ash" || n == "python" ||
         n == "python3" || n == "perl" || n == "ruby";
}

class CurlPipeShell final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override { return {Keyword::run}; }
  void check(const Context& ctx, const Instruction& inst, Reporter& out) override {
    if (inst.keyword != Keyword::run || ctx.script == nullptr) {
      return;
    }
    const auto& cmds = ctx.script->commands;
    for (std::size_t i = 0; i + 1 < cmds.size(); ++i) {
      const auto n = cmds[i].name();
      if ((n == "curl" || n == "wget") && cmds[i].pipe_out && cmds[i + 1].pipe_in &&
          is_interpreter(cmds[i + 1].name())) {
        out.report(cmd_pos(ctx, cmds[i]), std::string(n) + " output piped into " +
                                              std::string(cmds[i + 1].name()) +
                                              " runs unverified remote code");
      }
    }
  }
};

} // namespace pl3004
PLINTH_LINT_RULE(pl3004, CurlPipeShell)
} // namespace plinth::lint::rules
