// SPDX-License-Identifier: Apache-2.0
// Rendering of `plinth-init status`: a human table and a stable JSON document.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace plinth::init {

struct StatusRow {
  std::string name;
  std::string state; // waiting, starting, ready, backoff, stopping, stopped, exited, failed
  int pid = 0;       // 0 = not running
  int restarts = 0;
  long long uptime_ms = -1; // -1 = not running
  bool ready = false;
  std::string readiness; // "http://...", "tcp:...", "cmd:...", "" (ready on start)
  std::string last_exit; // "" = none yet
};

struct SupervisorInfo {
  int pid = 0;
  bool pid1 = false;
  std::string phase; // running / stopping
  long long rss_kb = 0;
  long long uptime_ms = 0;
};

std::string format_status_table(const std::vector<StatusRow>& rows);
std::string format_status_json(const SupervisorInfo& info, const std::vector<StatusRow>& rows);

// "4s", "3m12s", "2h05m", "-" for negative.
std::string format_uptime(long long ms);
std::string json_escape(std::string_view s);

// VmRSS of this process in KiB, from /proc/self/status (0 when unavailable).
long long read_rss_kb();

} // namespace plinth::init
