// SPDX-License-Identifier: Apache-2.0
// `plinth help [COMMAND...]` (the same text as `plinth [COMMAND...] --help`) and
// `plinth version` (the same as `plinth --version`).
#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/usage.hpp"
#include "cli/version.hpp"

#include <iostream>
#include <memory>

namespace plinth::cli {

void add_help(CLI::App& root, RunState& state) {
  auto words = std::make_shared<std::vector<std::string>>();
  auto* cmd = root.add_subcommand("help", "Print the commands, or one command's options: "
                                          "`plinth help check`, `plinth help compat tf`");
  cmd->add_option("command", *words, "A command and its subcommands");
  cmd->callback([&root, words, &state] { state.exit_code = print_help(root, *words); });
}

void add_version(CLI::App& root, RunState& state) {
  auto* cmd = root.add_subcommand("version", "Print plinth's version");
  cmd->callback([&state] {
    std::cout << version_line() << "\n";
    state.exit_code = k_exit_ok;
  });
}

} // namespace plinth::cli
