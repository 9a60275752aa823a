// SPDX-License-Identifier: Apache-2.0
// plinth-init configuration: the data model and the parser of its INI-like format
// (see docs/init.md). Parsing is pure so it can be unit-tested without processes.
#pragma once

#include "init/contract.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plinth::init {

using Millis = std::chrono::milliseconds;

enum class RestartPolicy { always, on_failure, never };
enum class FailurePolicy { exit, stay };
enum class StopExit { zero, signal };
enum class ProbeKind { none, http, tcp, cmd };

struct ReadyProbe {
  ProbeKind kind = ProbeKind::none;
  std::string host;    // http/tcp: numeric IPv4 (localhost is mapped to 127.0.0.1)
  int port = 0;        // http/tcp
  std::string path;    // http: request path, starts with '/'
  std::string command; // cmd: run with /bin/sh -c
};

struct ServiceConfig {
  std::string name;
  std::vector<std::string> argv;
  std::string user; // "" = do not change; "uid[:gid]" or "name[:group]"
  std::string workdir;
  std::vector<std::string> env; // KEY=VALUE overrides on top of the supervisor's environment
  std::vector<std::string> depends_on;
  RestartPolicy restart = RestartPolicy::on_failure;
  Millis backoff_initial{1000};
  Millis backoff_max{30000};
  Millis backoff_reset{60000}; // uptime after which the backoff starts again from the beginning
  int crash_loop_limit = 5;    // deaths tolerated within crash_loop_window
  Millis crash_loop_window{60000};
  ReadyProbe ready;
  Millis ready_timeout{60000}; // 0 = wait forever
  Millis ready_interval{250};
  Millis ready_attempt_timeout{2000};
  int stop_signal = 15;
  Millis stop_timeout{0};                 // 0 = the global grace period
  std::optional<FailurePolicy> on_failed; // unset = the global on_service_failed
  std::string log_file;
  long long log_max_bytes = 10 * 1024 * 1024;
  int log_keep = 3;
  std::string file; // where the section started, for messages
  int line = 0;
};

struct GlobalConfig {
  Millis grace_period{8000};
  FailurePolicy on_service_failed = FailurePolicy::exit;
  StopExit stop_exit = StopExit::zero;
  std::string control_socket = init_contract::k_socket;
  unsigned jitter_seed = 0; // 0 = seed from the clock
};

struct Config {
  GlobalConfig global;
  std::vector<ServiceConfig> services; // in dependency order after validate()
};

struct ConfigError {
  std::string file;
  int line = 0;
  std::string message;
  std::string to_string() const;
};

// Parses one file's text into cfg (appending services); errors are appended, never thrown.
void parse_config_text(std::string_view text, const std::string& file, Config& cfg,
                       std::vector<ConfigError>& errors);

// Reads the main file (may be empty = none) and every *.conf in dir (sorted), then validates.
std::vector<ConfigError> load_config(const std::string& main_file, const std::string& dir,
                                     Config& cfg);

// Checks references and cycles and sorts services so dependencies come first.
void validate_config(Config& cfg, std::vector<ConfigError>& errors);

// Value parsers, exposed for tests. Each returns nullopt and sets why on error.
std::optional<Millis> parse_duration(std::string_view text, std::string& why);
std::optional<std::vector<std::string>> parse_command(std::string_view text, std::string& why);
std::optional<ReadyProbe> parse_ready(std::string_view text, std::string& why);
std::string describe_probe(const ReadyProbe& probe); // inverse of parse_ready
std::optional<std::string> parse_json_string(std::string_view text, std::size_t& pos,
                                             std::string& why);

} // namespace plinth::init
