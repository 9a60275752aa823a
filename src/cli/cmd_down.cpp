// SPDX-License-Identifier: Apache-2.0
// `plinth down`: stop (plinth-init's grace, bounded) and remove the workstation.
#include "cli/command.hpp"
#include "cli/engine_options.hpp"
#include "cli/exit_codes.hpp"
#include "cli/workstation_options.hpp"

#include <iostream>
#include <memory>

namespace plinth::cli {
namespace {

struct DownCli {
  WorkstationOptions ws;
  bool all = false;
};

int run_down(const DownCli& c) {
  int code = k_exit_ok;
  auto t = load_target_with_engine(c.ws, code);
  if (!t) {
    return code;
  }
  auto& engine = t->engine;
  auto r = app::workstation_down(t->target(), c.all, *engine);
  if (!r) {
    return report_error(r.error());
  }
  if (c.ws.stack.json) {
    std::cout << nlohmann::json{{"removed", r->removed}}.dump(2) << "\n";
  } else if (r->removed.empty()) {
    std::cout << "no workstation "
              << (c.all ? "of stack " + t->target().stack_name : t->target().container)
              << " to stop\n";
  } else {
    for (const auto& name : r->removed) {
      std::cout << "stopped and removed " << name << "\n";
    }
  }
  return k_exit_ok;
}

} // namespace

void add_down(CLI::App& root, RunState& state) {
  auto c = std::make_shared<DownCli>();
  auto* cmd = root.add_subcommand(
      "down", "Stop the workstation (its services get plinth-init's grace period) "
              "and remove its container");
  c->ws.add_to(*cmd, true);
  cmd->add_flag("--all", c->all, "Every workstation of this stack");
  cmd->callback([c, &state] { state.exit_code = run_down(*c); });
}

} // namespace plinth::cli
