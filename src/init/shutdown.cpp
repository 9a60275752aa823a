// SPDX-License-Identifier: Apache-2.0
// Shutdown: stop services in reverse dependency order, sweep every remaining descendant, and
// finish the moment nothing is left (waitpid says ECHILD) -- never after a fixed sleep.
#include "init/log_sink.hpp"
#include "init/reaper.hpp"
#include "init/signals.hpp"
#include "init/supervisor.hpp"

#include <algorithm>
#include <csignal>
#include <unistd.h>

namespace plinth::init {

namespace {

constexpr auto k_after_kill = std::chrono::milliseconds(1000); // for processes stuck in D state

} // namespace

void Supervisor::begin_shutdown(int sig, const std::string& why) {
  if (m_shutdown) {
    return;
  }
  m_shutdown = true;
  m_shutdown_signal = sig;
  m_kill_deadline = Clock::now() + m_cfg.global.grace_period;
  log_event("shutting down (" + why + "), grace period " +
            std::to_string(m_cfg.global.grace_period.count()) + " ms");
  for (auto& s : m_services) {
    if (s->probe_pid > 0) {
      signal_group(s->probe_pid, SIGKILL);
      s->probe_pid = 0;
    }
    if (!s->running() && (s->state == ServiceState::waiting || s->state == ServiceState::backoff)) {
      s->state = ServiceState::stopped;
    }
  }
}

bool Supervisor::has_running_dependents(const Service& s) const {
  for (const auto& other : m_services) {
    const auto& deps = other->cfg.depends_on;
    if (other->running() && std::find(deps.begin(), deps.end(), s.cfg.name) != deps.end()) {
      return true;
    }
  }
  return false;
}

void Supervisor::advance_shutdown() {
  const bool no_children = handle_children();
  bool any_running = false;
  for (auto it = m_services.rbegin(); it != m_services.rend(); ++it) {
    Service& s = **it;
    any_running = any_running || s.running();
    if (s.running() && s.state != ServiceState::stopping && !has_running_dependents(s)) {
      stop_service(s, "shutdown");
    }
  }
  if (!any_running && no_children) {
    m_done = true; // nothing left at all: exit now, not after the grace period
    return;
  }
  if (!any_running && !m_swept) {
    // Services are down; whatever is left escaped their process groups (Jupyter kernels run
    // in their own session, daemons double-fork). Ask them to stop too, before SIGKILL.
    m_swept = true;
    const auto left = list_descendants(::getpid());
    for (pid_t pid : left) {
      ::kill(pid, SIGTERM);
      ::kill(pid, SIGCONT);
    }
    if (!left.empty()) {
      log_event("sent SIGTERM to " + std::to_string(left.size()) + " leftover process(es)");
    }
  }
}

void Supervisor::kill_everything(const std::string& why) {
  log_event("SIGKILL to everything: " + why);
  for (auto& s : m_services) {
    kill_service(*s, why);
  }
  for (pid_t pid : list_descendants(::getpid())) {
    ::kill(pid, SIGKILL);
  }
  m_forced = true;
  m_final_armed = true;
  m_final_deadline = Clock::now() + k_after_kill;
}

bool Supervisor::all_finished() const {
  return std::all_of(m_services.begin(), m_services.end(),
                     [](const auto& s) { return s->state == ServiceState::exited; });
}

int Supervisor::exit_code() const {
  if (m_failure_code) {
    return *m_failure_code;
  }
  if (m_forced) {
    return k_exit_forced;
  }
  if (m_shutdown_signal != 0 && m_cfg.global.stop_exit == StopExit::signal) {
    return 128 + m_shutdown_signal;
  }
  return 0;
}

} // namespace plinth::init
