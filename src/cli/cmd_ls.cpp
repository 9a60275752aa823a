// SPDX-License-Identifier: Apache-2.0
// `plinth ls`: the workstations of this stack (running ones; --all: stopped ones too).
#include "app/workstation.hpp"
#include "cli/command.hpp"
#include "cli/engine_options.hpp"
#include "cli/exit_codes.hpp"
#include "cli/stack_options.hpp"

#include <algorithm>
#include <iomanip>
#include <iostream>
#include <memory>

namespace plinth::cli {
namespace {

struct LsCli {
  StackOptions stack;
  bool all = false;
};

nlohmann::json list_json(const std::vector<app::ListEntry>& list) {
  auto out = nlohmann::json::array();
  for (const auto& e : list) {
    auto urls = nlohmann::json::object();
    for (const auto& u : e.urls) {
      if (!u.url_redacted.empty()) {
        urls[u.tool] = u.url_redacted;
      }
    }
    out.push_back({{"container", e.container},
                   {"image", e.image},
                   {"reference", e.reference},
                   {"profile", e.profile},
                   {"state", e.state},
                   {"status", e.status},
                   {"urls", urls}});
  }
  return out;
}

// The URL a user opens first: Jupyter's, else the first published one.
std::string main_url(const app::ListEntry& e) {
  for (const auto& u : e.urls) {
    if (u.tool == "jupyter" && !u.url_redacted.empty()) {
      return u.url_redacted;
    }
  }
  for (const auto& u : e.urls) {
    if (u.published && !u.url_redacted.empty()) {
      return u.url_redacted;
    }
  }
  return "-";
}

void print_table(const std::vector<app::ListEntry>& list) {
  std::size_t width = 10;
  for (const auto& e : list) {
    width = std::max(width, e.container.size() + 2);
  }
  std::cout << std::left << std::setw(static_cast<int>(width)) << "CONTAINER" << std::setw(10)
            << "IMAGE" << std::setw(10) << "PROFILE" << std::setw(22) << "STATUS"
            << "URL\n";
  for (const auto& e : list) {
    std::cout << std::left << std::setw(static_cast<int>(width)) << e.container << std::setw(10)
              << e.image << std::setw(10) << (e.profile.empty() ? "-" : e.profile) << std::setw(22)
              << e.status << main_url(e) << "\n";
  }
}

int run_ls(const LsCli& c) {
  auto quiet = c.stack;
  quiet.json = false; // diagnostics always go to stderr
  int code = k_exit_ok;
  auto session = load_with_engine(quiet, code);
  if (!session) {
    return code;
  }
  const auto& loaded = session->loaded;
  auto& engine = session->engine;
  auto list = app::workstation_list(loaded, c.all, *engine);
  if (!list) {
    return report_error(list.error());
  }
  if (c.stack.json) {
    std::cout << list_json(*list).dump(2) << "\n";
  } else if (list->empty()) {
    std::cout << "no " << (c.all ? "" : "running ") << "workstation of stack "
              << app::workstation_stack_name(loaded) << " (start one with plinth up)\n";
  } else {
    print_table(*list);
  }
  return k_exit_ok;
}

} // namespace

void add_ls(CLI::App& root, RunState& state) {
  auto c = std::make_shared<LsCli>();
  auto* cmd = root.add_subcommand("ls", "List the running workstations of this stack");
  c->stack.add_to(*cmd);
  cmd->add_flag("-a,--all", c->all, "Stopped workstations too");
  cmd->callback([c, &state] { state.exit_code = run_ls(*c); });
}

} // namespace plinth::cli
