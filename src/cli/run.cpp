// SPDX-License-Identifier: Apache-2.0
#include "cli/run.hpp"

#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/usage.hpp"
#include "cli/version.hpp"

#include <exception>
#include <iostream>
#include <string_view>

namespace plinth::cli {

int run(int argc, char** argv) {
  CLI::App app{"plinth: one standardized, reproducible ML development environment, built as a "
               "stack of container images (base -> common -> project).",
               "plinth"};
  app.set_version_flag("--version", version_line());
  app.require_subcommand(1);
  app.footer("-f/--file is the stack file in every command (default ./plinth.yaml).\n"
             "Run `plinth help <command>` or `plinth <command> --help` for a command's options.\n"
             "Exit codes: 0 ok, 1 validation errors or findings, 2 usage or I/O error,\n"
             "3 engine/registry/driver unavailable, 4 conflict, 70 internal error,\n"
             "130 interrupted. See docs/cli.md.");
  RunState state;
  for (const auto& c : commands()) {
    c.add(app, state);
  }
  if (argc < 2) {
    std::cerr << help_text(app, app.get_name()); // no command: usage, and a usage error
    return k_exit_usage;
  }
  const std::string_view first = argv[1];
  if (!first.starts_with("-") && find_subcommand(app, first) == nullptr) {
    return report_unknown_command(app, app.get_name(), first);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? k_exit_ok : k_exit_usage;
  } catch (const std::exception& e) {
    std::cerr << "plinth: internal error: " << e.what() << "\n";
    return k_exit_internal;
  }
  return state.exit_code;
}

} // namespace plinth::cli
