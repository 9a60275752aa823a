// SPDX-License-Identifier: Apache-2.0
// Runtime state of one supervised service: its state machine, process, probe and output.
#pragma once

#include "init/backoff.hpp"
#include "init/config.hpp"
#include "init/line_buffer.hpp"
#include "init/log_sink.hpp"

#include <chrono>
#include <optional>
#include <string_view>
#include <sys/types.h>

namespace plinth::init {

using Clock = std::chrono::steady_clock;
using TimePoint = Clock::time_point;

enum class ServiceState {
  waiting,  // not started yet: dependencies not ready
  starting, // running, readiness probe not passed yet
  ready,    // running and ready
  backoff,  // died; restart scheduled
  stopping, // stop signal sent, waiting for it to die
  stopped,  // stopped on request (control socket or shutdown)
  exited,   // finished and not restarted by policy
  failed,   // crash loop, readiness timeout or failure under restart=never
};

std::string_view state_name(ServiceState s);

// One output pipe (stdout or stderr) of a service. The pipe outlives individual processes so
// output of a restarted service (or of its orphans) keeps flowing through the same prefixer.
struct OutputStream {
  int read_fd = -1;
  int write_fd = -1;
  int target_fd = -1; // supervisor's stdout or stderr
  LineBuffer buffer;
};

struct Service {
  ServiceConfig cfg;
  ServiceState state = ServiceState::waiting;
  pid_t pid = 0;
  int spawns = 0;               // restarts = spawns - 1
  int consecutive_failures = 0; // drives the backoff exponent
  CrashWindow crashes;
  TimePoint started_at{};
  TimePoint ready_at{};
  TimePoint restart_at{};    // backoff: when to respawn
  TimePoint stop_deadline{}; // stopping: when to SIGKILL the group
  TimePoint ready_deadline{};
  bool ready = false;
  bool killed = false;            // SIGKILL already sent for this stop
  bool restart_requested = false; // control socket `restart`: respawn once it is down
  bool ready_timed_out = false;   // being stopped because readiness never came
  std::optional<int> last_status;
  pid_t probe_pid = 0;
  TimePoint next_probe{};
  TimePoint probe_deadline{};
  OutputStream out;
  OutputStream err;
  RotatingFile log;

  bool running() const { return pid > 0; }
};

} // namespace plinth::init
