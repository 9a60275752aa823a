// SPDX-License-Identifier: Apache-2.0
// `plinth-init status --json` (docs/init.md) read from inside the container, and what it
// means for `plinth up`: everything ready, still starting, or a service failed. Pure.
#pragma once

#include "init/contract.hpp"
#include "util/result.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plinth::workstation {

// The command `plinth up/status` run with exec inside the container.
inline const std::vector<std::string>& init_status_command() {
  static const std::vector<std::string> k_cmd = {init_contract::k_binary, "status", "--json",
                                                 "--socket", init_contract::k_socket};
  return k_cmd;
}

struct ServiceStatus {
  std::string name;
  std::string state; // waiting, starting, ready, backoff, stopping, stopped, exited, failed
  std::optional<std::int64_t> pid;
  std::int64_t restarts = 0;
  std::optional<std::int64_t> uptime_ms;
  bool ready = false;
  std::string readiness; // the probe, "http://127.0.0.1:8888/api"
  std::string last_exit; // "killed by SIGKILL"; empty when none
};

struct InitStatus {
  std::int64_t supervisor_pid = 0;
  std::string phase; // running | stopping
  std::int64_t rss_kb = 0;
  std::int64_t uptime_ms = 0;
  std::vector<ServiceStatus> services;
};

Result<InitStatus> parse_init_status(std::string_view json);

enum class Readiness { ready, starting, failed };

struct ReadinessVerdict {
  Readiness state = Readiness::starting;
  std::vector<std::string> failed;  // services in state failed (or exited when they should run)
  std::vector<std::string> pending; // not ready yet
};

// Ready when every service is ready (a oneshot that exited 0 counts); failed as soon as one
// service is failed, or the supervisor is stopping.
ReadinessVerdict readiness(const InitStatus& status);

// init_contract::format_uptime; "-" when unknown.
std::string format_uptime(std::optional<std::int64_t> uptime_ms);

} // namespace plinth::workstation
