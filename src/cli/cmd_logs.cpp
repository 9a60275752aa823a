// SPDX-License-Identifier: Apache-2.0
// `plinth logs [SERVICE] [--follow]`: the workstation's output, or one service's lines.
// `--follow` is long-only: -f is --file in every command.
#include "cli/command.hpp"
#include "cli/engine_options.hpp"
#include "cli/exit_codes.hpp"
#include "cli/workstation_options.hpp"

#include <cstdio>
#include <iostream>
#include <memory>

namespace plinth::cli {
namespace {

struct LogsCli {
  WorkstationOptions ws;
  app::LogsOptions logs;
};

int run_logs(const LogsCli& c) {
  int code = k_exit_ok;
  auto t = load_target_with_engine(c.ws, code);
  if (!t) {
    return code;
  }
  auto& engine = t->engine;
  auto r =
      app::workstation_logs(t->target(), c.logs, *engine, [](int stream, std::string_view chunk) {
        std::FILE* f = stream == 2 ? stderr : stdout;
        std::fwrite(chunk.data(), 1, chunk.size(), f);
        std::fflush(f);
      });
  if (!r) {
    return report_error(r.error());
  }
  return k_exit_ok;
}

} // namespace

void add_logs(CLI::App& root, RunState& state) {
  auto c = std::make_shared<LogsCli>();
  auto* cmd = root.add_subcommand(
      "logs", "Print the workstation's output; with SERVICE only that service's lines");
  c->ws.add_to(*cmd, false);
  cmd->add_option("service", c->logs.service,
                  "jupyter, tensorboard, code-server, plinth-init, ...");
  cmd->add_flag("--follow", c->logs.follow, "Keep printing new lines until the workstation stops");
  cmd->add_option("--tail", c->logs.tail,
                  "Only the last N lines of the container (before filtering)")
      ->capture_default_str();
  cmd->callback([c, &state] { state.exit_code = run_logs(*c); });
}

} // namespace plinth::cli
