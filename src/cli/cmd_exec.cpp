// SPDX-License-Identifier: Apache-2.0
// `plinth exec [--] CMD...`: run a command in the workstation as its user.
#include "cli/command.hpp"
#include "cli/engine_options.hpp"
#include "cli/exit_codes.hpp"
#include "cli/workstation_options.hpp"

#include <cstdio>
#include <iostream>
#include <memory>

namespace plinth::cli {
namespace {

struct ExecCli {
  WorkstationOptions ws;
  std::string program; // the first word; the rest arrives through remaining()
};

int run_exec(const ExecCli& c, std::vector<std::string> argv) {
  if (argv.empty()) {
    std::cerr << "plinth: error: exec needs a command: plinth exec -- CMD [ARGS...]\n";
    return k_exit_usage;
  }
  int code = k_exit_ok;
  auto t = load_target_with_engine(c.ws, code);
  if (!t) {
    return code;
  }
  auto& engine = t->engine;
  auto r =
      app::workstation_exec(t->target(), argv, *engine, [](int stream, std::string_view chunk) {
        std::FILE* f = stream == 2 ? stderr : stdout;
        std::fwrite(chunk.data(), 1, chunk.size(), f);
        std::fflush(f);
      });
  if (!r) {
    return report_error(r.error());
  }
  return static_cast<int>(*r);
}

} // namespace

void add_exec(CLI::App& root, RunState& state) {
  auto c = std::make_shared<ExecCli>();
  auto* cmd =
      root.add_subcommand("exec", "Run a command in the workstation as its user, in its workdir "
                                  "(no TTY, no stdin); exits with the command's code");
  c->ws.add_to(*cmd, false);
  // One positional takes the program; prefix_command passes everything after it through, in
  // order, with or without `--`.
  cmd->add_option("command", c->program,
                  "The command, then its arguments (use -- before it to be safe)");
  cmd->prefix_command();
  cmd->callback([c, cmd, &state] {
    std::vector<std::string> argv;
    if (!c->program.empty()) {
      argv.push_back(c->program);
    }
    auto rest = cmd->remaining();
    if (!rest.empty() && rest.front() == "--") { // the separator itself, when it came first
      rest.erase(rest.begin());
    }
    argv.insert(argv.end(), rest.begin(), rest.end());
    state.exit_code = run_exec(*c, argv);
  });
}

} // namespace plinth::cli
