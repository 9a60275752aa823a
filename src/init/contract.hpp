// SPDX-License-Identifier: Apache-2.0
// plinth-init's contract with the images that carry it and the CLI that talks to it: where
// its binary, configuration and control socket are, the keys of `status --json`, and how
// an uptime reads. Header-only and standard-library-only, so plinth-init (libc only)
// includes it as well as render/ and workstation/ (through plinth_init_contract).
#pragma once

#include <cstdint>
#include <string>

namespace plinth::init_contract {

// Inside an image.
inline constexpr const char* k_binary = "/usr/local/bin/plinth-init";
inline constexpr const char* k_config = "/etc/plinth-init.conf";
inline constexpr const char* k_config_dir = "/etc/plinth-init.d";
// `plinth up` mounts its own configuration here when it changes the user.
inline constexpr const char* k_override_config = "/etc/plinth-init.workstation.conf";
// plinth-init runs as the image's non-root user, so its control socket lives in a
// directory that user owns (created in the base image; `plinth up` mounts a tmpfs there).
inline constexpr const char* k_socket_dir = "/run/plinth";
inline constexpr const char* k_socket = "/run/plinth/init.sock";
// Set for every service, read by `plinth-init status` when --socket is not given.
inline constexpr const char* k_socket_env = "PLINTH_INIT_SOCKET";

// `plinth-init status --json`: {"supervisor": {...}, "services": [{...}, ...]}.
namespace status_keys {
inline constexpr const char* k_supervisor = "supervisor";
inline constexpr const char* k_services = "services";
inline constexpr const char* k_pid = "pid";
inline constexpr const char* k_phase = "phase";
inline constexpr const char* k_rss_kb = "rss_kb";
inline constexpr const char* k_uptime_ms = "uptime_ms"; // null while a service is down
inline constexpr const char* k_name = "name";
inline constexpr const char* k_state = "state";
inline constexpr const char* k_restarts = "restarts";
inline constexpr const char* k_ready = "ready";
inline constexpr const char* k_readiness = "readiness";
inline constexpr const char* k_last_exit = "last_exit";
} // namespace status_keys

// "45s", "3m12s", "1h02m", "2d03h"; "-" for a negative (unknown) uptime.
inline std::string format_uptime(std::int64_t uptime_ms) {
  if (uptime_ms < 0) {
    return "-";
  }
  const auto s = uptime_ms / 1000;
  const auto two = [](std::int64_t n) { return (n < 10 ? "0" : "") + std::to_string(n); };
  if (s < 60) {
    return std::to_string(s) + "s";
  }
  if (s < 3600) {
    return std::to_string(s / 60) + "m" + two(s % 60) + "s";
  }
  if (s < 86400) {
    return std::to_string(s / 3600) + "h" + two(s / 60 % 60) + "m";
  }
  return std::to_string(s / 86400) + "d" + two(s / 3600 % 24) + "h";
}

} // namespace plinth::init_contract
