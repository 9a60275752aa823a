// SPDX-License-Identifier: Apache-2.0
// The table of subcommands, in the order `plinth --help` lists them.
#include "cli/command.hpp"

namespace plinth::cli {

void add_check(CLI::App&, RunState&);
void add_tags(CLI::App&, RunState&);
void add_render(CLI::App&, RunState&);
void add_compat(CLI::App&, RunState&);

const std::vector<Command>& commands() {
  static const std::vector<Command> k_commands = {
      {"check", &add_check},
      {"tags", &add_tags},
      {"render", &add_render},
      {"compat", &add_compat},
  };
  return k_commands;
}

} // namespace plinth::cli
