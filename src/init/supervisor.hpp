// SPDX-License-Identifier: Apache-2.0
// The supervisor: one poll() loop over a signalfd, the services' output pipes and the control
// socket, with every wait expressed as a deadline (no fixed sleeps anywhere).
#pragma once

#include "init/config.hpp"
#include "init/service.hpp"
#include "init/status.hpp"

#include <memory>
#include <string>
#include <vector>

namespace plinth::init {

// Exit codes of the supervisor itself (see docs/init.md for the full contract).
inline constexpr int k_exit_usage = 64;
inline constexpr int k_exit_internal = 70;
inline constexpr int k_exit_config = 78;
inline constexpr int k_exit_forced = 137; // shutdown had to SIGKILL something

class Supervisor {
public:
  explicit Supervisor(Config cfg);
  Supervisor(const Supervisor&) = delete;
  Supervisor& operator=(const Supervisor&) = delete;
  ~Supervisor();

  // Runs until every service is down; returns the supervisor's exit code.
  int run();

private:
  // supervisor.cpp: loop and event dispatch
  bool setup();
  int poll_timeout_ms() const;
  void handle_signal(int sig);
  bool handle_children(); // true when no child is left at all
  void handle_output(OutputStream& stream, Service& s);
  void drain_all_output();
  void check_timers();
  std::vector<StatusRow> status_rows() const;

  // lifecycle.cpp: service state machine
  void start_waiting_services();
  bool dependencies_met(const Service& s) const;
  void spawn_service(Service& s);
  void on_service_exit(Service& s, int status);
  void schedule_restart(Service& s);
  void mark_failed(Service& s, const std::string& reason);
  void stop_service(Service& s, const std::string& why);
  void kill_service(Service& s, const std::string& why);
  void check_readiness(Service& s);
  void on_probe_exit(Service& s, int status);
  void mark_ready(Service& s);

  // shutdown.cpp: orderly stop, sweep and exit code
  void begin_shutdown(int sig, const std::string& why);
  void advance_shutdown();
  void kill_everything(const std::string& why);
  bool has_running_dependents(const Service& s) const;
  bool all_finished() const;
  int exit_code() const;

  // control.cpp: the control socket
  bool open_control_socket();
  void handle_control_client();
  std::string handle_command(const std::string& line);

  Config m_cfg;
  std::vector<std::unique_ptr<Service>> m_services; // dependency order
  int m_signal_fd = -1;
  int m_control_fd = -1;
  TimePoint m_started_at{};
  bool m_shutdown = false;
  bool m_done = false;
  bool m_forced = false;
  bool m_swept = false;
  int m_shutdown_signal = 0;
  std::optional<int> m_failure_code;
  TimePoint m_kill_deadline{};  // shutdown: SIGKILL everything left
  TimePoint m_final_deadline{}; // shutdown: give up waiting for unkillable processes
  bool m_final_armed = false;
  Jitter m_jitter;
};

} // namespace plinth::init
