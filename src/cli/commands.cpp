// SPDX-License-Identifier: Apache-2.0
// The table of subcommands, in the order `plinth --help` lists them.
#include "cli/command.hpp"

namespace plinth::cli {

void add_check(CLI::App&, RunState&);
void add_tags(CLI::App&, RunState&);
void add_render(CLI::App&, RunState&);
void add_compat(CLI::App&, RunState&);
void add_base(CLI::App&, RunState&);
void add_build(CLI::App&, RunState&);
void add_push(CLI::App&, RunState&);
void add_images(CLI::App&, RunState&);
void add_lint(CLI::App&, RunState&);
void add_doctor(CLI::App&, RunState&);
void add_up(CLI::App&, RunState&);
void add_down(CLI::App&, RunState&);
void add_status(CLI::App&, RunState&);
void add_logs(CLI::App&, RunState&);
void add_exec(CLI::App&, RunState&);
void add_ls(CLI::App&, RunState&);
void add_help(CLI::App&, RunState&);
void add_version(CLI::App&, RunState&);

const std::vector<Command>& commands() {
  static const std::vector<Command> k_commands = {
      {"check", &add_check},   {"tags", &add_tags},     {"render", &add_render},
      {"compat", &add_compat}, {"base", &add_base},     {"build", &add_build},
      {"push", &add_push},     {"images", &add_images}, {"lint", &add_lint},
      {"doctor", &add_doctor}, {"up", &add_up},         {"down", &add_down},
      {"status", &add_status}, {"logs", &add_logs},     {"exec", &add_exec},
      {"ls", &add_ls},         {"help", &add_help},     {"version", &add_version},
  };
  return k_commands;
}

} // namespace plinth::cli
