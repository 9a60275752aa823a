// SPDX-License-Identifier: Apache-2.0
// The subcommand table: each cmd_<name>.cpp defines one `add_<name>` that registers its
// CLI11 subcommand; commands.cpp lists them (one line per command).
#pragma once

#include <CLI/CLI.hpp>

#include <vector>

namespace plinth::cli {

// Where a subcommand's callback stores the process exit code.
struct RunState {
  int exit_code = 0;
};

struct Command {
  const char* name;
  void (*add)(CLI::App& root, RunState& state);
};

const std::vector<Command>& commands();

} // namespace plinth::cli
