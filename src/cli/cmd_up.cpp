// SPDX-License-Identifier: Apache-2.0
// `plinth up`: start the workstation of a stack image and print its URLs.
#include "cli/command.hpp"
#include "cli/engine_options.hpp"
#include "cli/exit_codes.hpp"
#include "cli/progress.hpp"
#include "cli/workstation_options.hpp"

#include <iostream>
#include <memory>

namespace plinth::cli {
namespace {

struct UpCli {
  WorkstationOptions ws;
  app::UpOptions up;
  std::vector<std::string> ports;
  std::vector<std::string> labels;
  std::optional<std::string> gpus, memory, shm;
  std::optional<double> cpus;
  std::optional<std::int64_t> pids;
  bool show_token = false;
};

bool parse_pairs(const std::vector<std::string>& items, const char* flag,
                 std::map<std::string, std::string>& out) {
  for (const auto& item : items) {
    const auto eq = item.find('=');
    if (eq == std::string::npos || eq == 0) {
      std::cerr << "plinth: error: " << flag << " expects KEY=VALUE, not '" << item << "'\n";
      return false;
    }
    out[item.substr(0, eq)] = item.substr(eq + 1);
  }
  return true;
}

bool parse_ports(const std::vector<std::string>& items, std::map<std::string, int>& out) {
  std::map<std::string, std::string> pairs;
  if (!parse_pairs(items, "--port", pairs)) {
    return false;
  }
  for (const auto& [tool, text] : pairs) {
    try {
      std::size_t used = 0;
      const int port = std::stoi(text, &used);
      if (used != text.size() || port < 1 || port > 65535) {
        throw std::out_of_range(text);
      }
      out[tool] = port;
    } catch (const std::exception&) {
      std::cerr << "plinth: error: --port " << tool << "=" << text
                << ": not a port number (1-65535)\n";
      return false;
    }
  }
  return true;
}

nlohmann::json report_json(const app::UpReport& r, bool show_token) {
  auto urls = nlohmann::json::array();
  for (const auto& u : r.urls) {
    urls.push_back({{"tool", u.tool},
                    {"url", show_token || r.created ? u.url : u.url_redacted},
                    {"published", u.published}});
  }
  nlohmann::json j = {{"container", r.container},
                      {"id", r.id},
                      {"image", r.image},
                      {"profile", r.profile},
                      {"created", r.created},
                      {"urls", urls},
                      {"secrets_file", r.secrets_file.string()}};
  if (show_token || r.created) {
    j["jupyter_token"] = r.secrets.jupyter_token;
    j["code_server_password"] = r.secrets.code_server_password;
  }
  return j;
}

void print_report(const app::UpReport& r, bool show_token) {
  const char* what = r.created ? "started" : (r.was_running ? "already running" : "restarted");
  std::cout << "workstation " << r.container << " " << what << " (image " << r.image << ", profile "
            << (r.profile.empty() ? std::string("none: no limits") : "'" + r.profile + "'")
            << ")\n";
  // Secrets are printed once, when they were made; later only on request.
  print_urls(std::cout, r.urls, show_token || r.created);
  bool code_server = false;
  for (const auto& u : r.urls) {
    code_server = code_server || u.tool == "code-server";
  }
  if (code_server && (show_token || r.created)) {
    std::cout << "code-server password: " << r.secrets.code_server_password << "\n";
  }
  std::cout << "secrets (mode 0600): " << r.secrets_file.string()
            << (show_token ? "" : "  (plinth status --show-token prints them)") << "\n"
            << "stop it with: plinth down\n";
}

int run_up(UpCli& c) {
  std::map<std::string, std::string> labels;
  if (!parse_ports(c.ports, c.up.ports) || !parse_pairs(c.labels, "--label", labels)) {
    return k_exit_usage;
  }
  c.up.labels = labels;
  c.up.overrides = {c.gpus, c.memory, c.shm, c.cpus, c.pids};
  c.up.image = c.ws.image;
  c.up.name_suffix = c.ws.name_suffix;
  if (c.up.listen != "127.0.0.1") {
    std::cerr
        << "plinth: warning: publishing on " << c.up.listen
        << ", not only on this machine's loopback: anyone who can reach it sees the login pages\n";
  }
  int code = k_exit_ok;
  auto t = load_target(c.ws, code);
  if (!t) {
    return code;
  }
  const auto* db = c.ws.stack.database();
  auto engine = connect_engine();
  if (!engine || db == nullptr) {
    return engine ? k_exit_usage : k_exit_unavailable;
  }
  TerminalEvents events(false, false);
  auto r = app::workstation_up(t->loaded, c.up, *engine, *engine, *engine, *db, events);
  if (!r) {
    return report_error(r.error());
  }
  if (!r->guard_message.empty()) {
    std::cerr << "plinth: warning: " << r->guard_message;
  }
  if (c.ws.stack.json) {
    std::cout << report_json(*r, c.show_token).dump(2) << "\n";
  } else {
    print_report(*r, c.show_token);
  }
  return k_exit_ok;
}

} // namespace

void add_up(CLI::App& root, RunState& state) {
  auto c = std::make_shared<UpCli>();
  auto* cmd = root.add_subcommand(
      "up", "Start the workstation of a stack image (Jupyter, TensorBoard, code-server) "
            "with a profile's limits and print its URLs");
  c->ws.add_to(*cmd, true);
  cmd->add_option("--profile", c->up.profile,
                  "Resource profile from the stack file (default: its only one)");
  cmd->add_option("--gpus", c->gpus,
                  "Override the profile: all, none, a count, or GPU indexes/UUIDs (0,1)");
  cmd->add_option("--memory", c->memory, "Override the profile's memory (and memory+swap): 16g");
  cmd->add_option("--shm", c->shm, "Override the profile's /dev/shm size: 2g");
  cmd->add_option("--cpus", c->cpus, "Override the profile's CPUs: 4, 1.5");
  cmd->add_option("--pids", c->pids, "Override the profile's process limit");
  cmd->add_option(
      "--port", c->ports,
      "Host port of a tool: jupyter=18888 (default: the tool's port, or the next free)");
  cmd->add_option("--listen", c->up.listen, "Host address ports are published on")
      ->capture_default_str();
  cmd->add_flag("--publish-tensorboard", c->up.publish_tensorboard,
                "Publish TensorBoard's port too (it has no authentication; by default it is "
                "reached through Jupyter)");
  cmd->add_option("--workspace", c->up.workspace,
                  "Host folder mounted at the image's workdir (default: .)");
  cmd->add_flag("--no-workspace", c->up.no_workspace, "Mount no host folder");
  cmd->add_flag("--host-user", c->up.user.host_user,
                "Run as your own uid:gid, the default (under sudo: sudo's user); files in the "
                "workspace stay yours");
  cmd->add_flag("--image-user", c->up.user.image_user,
                "Run as the image's user instead of your own");
  cmd->add_option("--user", c->up.user.explicit_user, "Run as UID[:GID] (never 0)");
  cmd->add_flag("--recreate", c->up.recreate,
                "Replace a workstation that exists with other settings");
  cmd->add_flag("-d,--detach", c->up.no_wait,
                "Return once started, without waiting for the services");
  cmd->add_option("--timeout", c->up.wait_timeout_s,
                  "Seconds to wait for every service to be ready")
      ->capture_default_str();
  cmd->add_flag("--ignore-driver-check", c->up.ignore_driver_check,
                "Start a GPU profile even when plinth doctor's driver/CUDA checks fail");
  cmd->add_flag("--show-token", c->show_token,
                "Also print the Jupyter token and code-server password");
  cmd->add_option("--label", c->labels, "Extra container label KEY=VALUE")->group("");
  cmd->callback([c, &state] { state.exit_code = run_up(*c); });
}

} // namespace plinth::cli
