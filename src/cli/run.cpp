// SPDX-License-Identifier: Apache-2.0
#include "cli/run.hpp"

#include "cli/command.hpp"
#include "cli/exit_codes.hpp"

#include <exception>
#include <iostream>

namespace plinth::cli {

int run(int argc, char** argv) {
  CLI::App app{"plinth: one standardized, reproducible ML development environment, built as a "
               "stack of container images (base -> common -> project).",
               "plinth"};
  app.set_version_flag("--version", "plinth 0.1.0");
  app.require_subcommand(1);
  app.footer("Run `plinth <command> --help` for a command's options.\n"
             "Exit codes: 0 ok, 1 validation errors or findings, 2 usage or I/O error,\n"
             "3 engine/registry/driver unavailable, 4 conflict, 70 internal error.");
  RunState state;
  for (const auto& c : commands()) {
    c.add(app, state);
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
