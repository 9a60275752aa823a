// SPDX-License-Identifier: Apache-2.0
// The per-service state machine: start, readiness, exit, backoff, failure and stop.
#include "init/log_sink.hpp"
#include "init/probe.hpp"
#include "init/reaper.hpp"
#include "init/signals.hpp"
#include "init/spawn.hpp"
#include "init/supervisor.hpp"

#include <csignal>
#include <sys/wait.h>

namespace plinth::init {

namespace {

constexpr double k_jitter = 0.1; // +-10%: services that crash together do not restart in lockstep

long long ms_since(TimePoint t) {
  return std::chrono::duration_cast<Millis>(Clock::now() - t).count();
}

long long now_ms() {
  return std::chrono::duration_cast<Millis>(Clock::now().time_since_epoch()).count();
}

std::optional<SpawnSpec> make_spec(const Service& s, const std::string& socket, std::string& why) {
  SpawnSpec spec;
  spec.label = s.cfg.name;
  spec.argv = s.cfg.argv;
  spec.workdir = s.cfg.workdir;
  if (!s.cfg.user.empty()) {
    spec.identity = resolve_identity(s.cfg.user, why);
    if (!spec.identity) {
      return std::nullopt;
    }
  }
  auto overrides = s.cfg.env;
  overrides.insert(overrides.begin(),
                   {"PLINTH_SERVICE=" + s.cfg.name, "PLINTH_INIT_SOCKET=" + socket});
  spec.env = build_environment(overrides, spec.identity);
  spec.stdout_fd = s.out.write_fd;
  spec.stderr_fd = s.err.write_fd;
  return spec;
}

} // namespace

std::string_view state_name(ServiceState s) {
  switch (s) {
  case ServiceState::waiting: return "waiting";
  case ServiceState::starting: return "starting";
  case ServiceState::ready: return "ready";
  case ServiceState::backoff: return "backoff";
  case ServiceState::stopping: return "stopping";
  case ServiceState::stopped: return "stopped";
  case ServiceState::exited: return "exited";
  case ServiceState::failed: return "failed";
  }
  return "unknown";
}

bool Supervisor::dependencies_met(const Service& s) const {
  for (const auto& dep : s.cfg.depends_on) {
    for (const auto& d : m_services) {
      const bool done_ok = d->state == ServiceState::exited && d->last_status &&
                           status_to_code(*d->last_status) == 0;
      if (d->cfg.name == dep && !(d->ready && d->running()) && !done_ok) {
        return false;
      }
    }
  }
  return true;
}

void Supervisor::start_waiting_services() {
  if (m_shutdown) {
    return;
  }
  for (auto& s : m_services) {
    if (s->state == ServiceState::waiting && dependencies_met(*s)) {
      spawn_service(*s);
    }
  }
}

void Supervisor::spawn_service(Service& s) {
  std::string why;
  auto spec = make_spec(s, m_cfg.global.control_socket, why);
  if (!spec) {
    s.last_status.reset();
    mark_failed(s, why);
    return;
  }
  s.started_at = Clock::now();
  const pid_t pid = spawn_process(*spec, why);
  if (pid < 0) {
    log_event("service '" + s.cfg.name + "': " + why);
    schedule_restart(s); // transient (e.g. pids limit): retry with backoff
    return;
  }
  s.pid = pid;
  s.state = ServiceState::starting;
  s.ready = s.killed = s.ready_timed_out = s.restart_requested = false;
  s.next_probe = s.started_at;
  s.ready_deadline = s.started_at + s.cfg.ready_timeout;
  log_event("started " + s.cfg.name + " (pid " + std::to_string(pid) + ")" +
            (s.spawns > 0 ? ", restart #" + std::to_string(s.spawns) : ""));
  ++s.spawns;
  if (s.cfg.ready.kind == ProbeKind::none) {
    mark_ready(s);
  }
}

void Supervisor::on_service_exit(Service& s, int status) {
  const bool was_stopping = s.state == ServiceState::stopping;
  const pid_t pid = s.pid;
  ::kill(-pid, SIGKILL); // leftovers of the group die with the service
  if (s.probe_pid > 0) {
    signal_group(s.probe_pid, SIGKILL);
    s.probe_pid = 0;
  }
  s.pid = 0;
  s.ready = false;
  s.last_status = status;
  handle_output(s.out, s); // its last words come before our note of its death
  handle_output(s.err, s);
  log_event(s.cfg.name + " (pid " + std::to_string(pid) + ") " + describe_status(status) +
            " after " + std::to_string(ms_since(s.started_at)) + " ms");
  if (m_shutdown || (was_stopping && !s.ready_timed_out && !s.restart_requested)) {
    s.state = ServiceState::stopped;
    return;
  }
  if (was_stopping && s.restart_requested) {
    s.state = ServiceState::waiting; // start_waiting_services() respawns it at once
    return;
  }
  const bool clean = !s.ready_timed_out && WIFEXITED(status) && WEXITSTATUS(status) == 0;
  if (clean && s.cfg.restart != RestartPolicy::always) {
    s.state = ServiceState::exited;
  } else if (s.cfg.restart == RestartPolicy::never) {
    mark_failed(s, s.ready_timed_out ? "never became ready" : describe_status(status));
  } else {
    schedule_restart(s);
  }
}

void Supervisor::schedule_restart(Service& s) {
  if (ms_since(s.started_at) >= s.cfg.backoff_reset.count()) {
    s.consecutive_failures = 0; // it ran long enough: this is a fresh failure
    s.crashes.clear();
  }
  if (s.crashes.record(now_ms(), s.cfg.crash_loop_limit, s.cfg.crash_loop_window)) {
    mark_failed(s, "crash loop: more than " + std::to_string(s.cfg.crash_loop_limit) +
                       " deaths within " + std::to_string(s.cfg.crash_loop_window.count()) + " ms");
    return;
  }
  ++s.consecutive_failures;
  const auto delay = compute_backoff(s.cfg.backoff_initial, s.cfg.backoff_max,
                                     s.consecutive_failures, k_jitter, m_jitter.next_unit());
  s.state = ServiceState::backoff;
  s.restart_at = Clock::now() + delay;
  log_event("restarting " + s.cfg.name + " in " + std::to_string(delay.count()) + " ms");
}

void Supervisor::mark_failed(Service& s, const std::string& reason) {
  s.state = ServiceState::failed;
  log_event("service " + s.cfg.name + " FAILED: " + reason);
  const auto policy = s.cfg.on_failed.value_or(m_cfg.global.on_service_failed);
  if (policy == FailurePolicy::exit && !m_shutdown) {
    int code = s.last_status ? status_to_code(*s.last_status) : 1;
    m_failure_code = code == 0 ? 1 : code;
    begin_shutdown(0, "service " + s.cfg.name + " failed");
  }
}

void Supervisor::stop_service(Service& s, const std::string& why) {
  if (!s.running()) {
    return;
  }
  signal_group(s.pid, s.cfg.stop_signal);
  signal_group(s.pid, SIGCONT); // a stopped process must wake up to handle the signal
  const auto timeout =
      s.cfg.stop_timeout.count() > 0 ? s.cfg.stop_timeout : m_cfg.global.grace_period;
  s.state = ServiceState::stopping;
  s.killed = false;
  s.stop_deadline = Clock::now() + timeout;
  if (m_shutdown) {
    s.stop_deadline = std::min(s.stop_deadline, m_kill_deadline);
  }
  log_event("stopping " + s.cfg.name + " with " + signal_name(s.cfg.stop_signal) + ": " + why);
}

void Supervisor::kill_service(Service& s, const std::string& why) {
  if (!s.running()) {
    return;
  }
  signal_group(s.pid, SIGKILL);
  s.killed = true;
  m_forced = m_forced || m_shutdown;
  log_event("killing " + s.cfg.name + " (SIGKILL to its process group): " + why);
}

void Supervisor::check_readiness(Service& s) {
  const auto now = Clock::now();
  if (s.cfg.ready_timeout.count() > 0 && now >= s.ready_deadline) {
    log_event(s.cfg.name + " not ready after " + std::to_string(s.cfg.ready_timeout.count()) +
              " ms (" + describe_probe(s.cfg.ready) + ")");
    s.ready_timed_out = true;
    stop_service(s, "readiness timeout");
    return;
  }
  if (s.probe_pid > 0 && now >= s.probe_deadline) {
    signal_group(s.probe_pid, SIGKILL); // its exit is reaped as a failed attempt
    s.probe_deadline = now + std::chrono::hours(1);
    return;
  }
  if (s.probe_pid == 0 && now >= s.next_probe) {
    std::string why;
    std::optional<SpawnSpec> spec = s.cfg.ready.kind == ProbeKind::cmd
                                        ? make_spec(s, m_cfg.global.control_socket, why)
                                        : SpawnSpec{};
    const pid_t pid = spec ? start_probe(s.cfg.ready, *spec, s.cfg.ready_attempt_timeout, why) : -1;
    if (pid < 0) {
      s.next_probe = now + s.cfg.ready_interval;
      return;
    }
    s.probe_pid = pid;
    s.probe_deadline = now + s.cfg.ready_attempt_timeout;
  }
}

void Supervisor::on_probe_exit(Service& s, int status) {
  s.probe_pid = 0;
  if (s.state != ServiceState::starting) {
    return;
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
    mark_ready(s);
  } else {
    s.next_probe = Clock::now() + s.cfg.ready_interval;
  }
}

void Supervisor::mark_ready(Service& s) {
  s.ready = true;
  s.state = ServiceState::ready;
  s.ready_at = Clock::now();
  log_event(s.cfg.name + " is ready after " + std::to_string(ms_since(s.started_at)) + " ms");
}

} // namespace plinth::init
