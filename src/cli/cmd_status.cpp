// SPDX-License-Identifier: Apache-2.0
// `plinth status`: the workstation container and each of its services.
#include "cli/command.hpp"
#include "cli/engine_options.hpp"
#include "cli/exit_codes.hpp"
#include "cli/workstation_options.hpp"

#include <iomanip>
#include <iostream>
#include <memory>

namespace plinth::cli {
namespace {

struct StatusCli {
  WorkstationOptions ws;
  bool show_token = false;
};

nlohmann::json services_json(const workstation::InitStatus& s) {
  auto out = nlohmann::json::array();
  for (const auto& v : s.services) {
    out.push_back(
        {{"name", v.name},
         {"state", v.state},
         {"pid", v.pid ? nlohmann::json(*v.pid) : nlohmann::json(nullptr)},
         {"restarts", v.restarts},
         {"uptime_ms", v.uptime_ms ? nlohmann::json(*v.uptime_ms) : nlohmann::json(nullptr)},
         {"ready", v.ready},
         {"last_exit",
          v.last_exit.empty() ? nlohmann::json(nullptr) : nlohmann::json(v.last_exit)}});
  }
  return out;
}

nlohmann::json status_json(const app::StatusReport& r, bool show_token) {
  auto urls = nlohmann::json::array();
  for (const auto& u : r.urls) {
    urls.push_back({{"tool", u.tool},
                    {"url", show_token ? u.url : u.url_redacted},
                    {"published", u.published}});
  }
  nlohmann::json j = {{"container", r.container},
                      {"exists", r.exists},
                      {"state", r.state},
                      {"image", r.image},
                      {"profile", r.profile},
                      {"started_at", r.started_at},
                      {"urls", urls}};
  if (r.init) {
    j["supervisor"] = {{"pid", r.init->supervisor_pid},
                       {"phase", r.init->phase},
                       {"rss_kb", r.init->rss_kb},
                       {"uptime_ms", r.init->uptime_ms}};
    j["services"] = services_json(*r.init);
  } else {
    j["services"] = nlohmann::json::array();
    if (!r.init_error.empty()) {
      j["error"] = r.init_error;
    }
  }
  return j;
}

void print_services(const workstation::InitStatus& s) {
  std::cout << std::left << std::setw(14) << "SERVICE" << std::setw(10) << "STATE" << std::setw(8)
            << "PID" << std::setw(10) << "RESTARTS" << std::setw(9) << "UPTIME" << std::setw(7)
            << "READY"
            << "LAST EXIT\n";
  for (const auto& v : s.services) {
    std::cout << std::left << std::setw(14) << v.name << std::setw(10) << v.state << std::setw(8)
              << (v.pid ? std::to_string(*v.pid) : "-") << std::setw(10) << v.restarts
              << std::setw(9) << workstation::format_uptime(v.uptime_ms) << std::setw(7)
              << (v.ready ? "yes" : "no") << (v.last_exit.empty() ? "-" : v.last_exit) << "\n";
  }
}

int run_status(const StatusCli& c) {
  int code = k_exit_ok;
  auto t = load_target_with_engine(c.ws, code);
  if (!t) {
    return code;
  }
  auto& engine = t->engine;
  auto r = app::workstation_status(t->target(), *engine);
  if (!r) {
    return report_error(r.error());
  }
  const bool running = r->state == "running";
  if (c.ws.stack.json) {
    std::cout << status_json(*r, c.show_token).dump(2) << "\n";
    return running ? k_exit_ok : k_exit_findings;
  }
  if (!r->exists) {
    std::cout << "no workstation " << r->container << " (start it with plinth up)\n";
    return k_exit_findings;
  }
  std::cout << "workstation " << r->container << ": " << r->state << " (image " << r->image
            << ", profile " << (r->profile.empty() ? std::string("none") : "'" + r->profile + "'")
            << ")\n";
  print_urls(std::cout, r->urls, c.show_token);
  if (c.show_token) {
    const auto secrets = app::read_secrets(r->container);
    if (secrets) {
      std::cout << "jupyter token: " << secrets->jupyter_token
                << "\ncode-server password: " << secrets->code_server_password << "\n";
    }
  }
  if (r->init) {
    std::cout << "plinth-init: " << r->init->phase << ", RSS " << r->init->rss_kb << " kB\n";
    print_services(*r->init);
  } else if (!r->init_error.empty()) {
    std::cout << "services: unknown (" << r->init_error << ")\n";
  }
  return running ? k_exit_ok : k_exit_findings;
}

} // namespace

void add_status(CLI::App& root, RunState& state) {
  auto c = std::make_shared<StatusCli>();
  auto* cmd = root.add_subcommand("status",
                                  "Show the workstation's container and each service's state, pid, "
                                  "restarts, uptime and readiness (exit 1 when it is not running)");
  c->ws.add_to(*cmd, true);
  cmd->add_flag("--show-token", c->show_token,
                "Print the Jupyter token and the code-server password");
  cmd->callback([c, &state] { state.exit_code = run_status(*c); });
}

} // namespace plinth::cli
