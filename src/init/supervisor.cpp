// SPDX-License-Identifier: Apache-2.0
// The event loop: signals, child exits, service output and timers.
#include "init/supervisor.hpp"

#include "init/log_sink.hpp"
#include "init/reaper.hpp"
#include "init/signals.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

namespace plinth::init {

namespace {

bool open_stream(OutputStream& s, int target) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    return false;
  }
  ::fcntl(fds[0], F_SETFL, O_NONBLOCK);
  s.read_fd = fds[0];
  s.write_fd = fds[1];
  s.target_fd = target;
  return true;
}

void close_stream(OutputStream& s) {
  for (int fd : {s.read_fd, s.write_fd}) {
    if (fd >= 0) {
      ::close(fd);
    }
  }
  s.read_fd = s.write_fd = -1;
}

long long ms_between(TimePoint from, TimePoint to) {
  return std::chrono::duration_cast<Millis>(to - from).count();
}

} // namespace

Supervisor::Supervisor(Config cfg) : m_cfg(std::move(cfg)), m_jitter(m_cfg.global.jitter_seed) {
  for (auto& sc : m_cfg.services) {
    auto s = std::make_unique<Service>();
    s->cfg = sc;
    if (!sc.log_file.empty()) {
      s->log = RotatingFile(sc.log_file, sc.log_max_bytes, sc.log_keep);
    }
    m_services.push_back(std::move(s));
  }
}

Supervisor::~Supervisor() {
  for (auto& s : m_services) {
    close_stream(s->out);
    close_stream(s->err);
  }
  for (int fd : {m_signal_fd, m_control_fd}) {
    if (fd >= 0) {
      ::close(fd);
    }
  }
  if (m_control_fd >= 0) {
    ::unlink(m_cfg.global.control_socket.c_str());
  }
}

bool Supervisor::setup() {
  if (!become_subreaper()) {
    log_event(std::string("cannot register as child subreaper: ") + std::strerror(errno) +
              " (orphans could not be reaped; refusing to run)");
    return false;
  }
  m_signal_fd = setup_signalfd();
  if (m_signal_fd < 0) {
    log_event(std::string("cannot set up signalfd: ") + std::strerror(errno));
    return false;
  }
  for (auto& s : m_services) {
    if (!open_stream(s->out, STDOUT_FILENO) || !open_stream(s->err, STDERR_FILENO)) {
      log_event(std::string("cannot create pipes: ") + std::strerror(errno));
      return false;
    }
  }
  return open_control_socket();
}

int Supervisor::run() {
  m_started_at = Clock::now();
  if (!setup()) {
    return k_exit_internal;
  }
  log_event(std::string("started as ") + (::getpid() == 1 ? "PID 1" : "child subreaper") +
            " with " + std::to_string(m_services.size()) + " services");
  while (!m_done) {
    start_waiting_services();
    if (m_shutdown) {
      advance_shutdown();
    } else if (all_finished()) {
      log_event("all services have finished");
      begin_shutdown(0, "all services finished");
      continue;
    }
    if (m_done) {
      break;
    }
    std::vector<pollfd> fds{{m_signal_fd, POLLIN, 0}};
    if (m_control_fd >= 0) {
      fds.push_back({m_control_fd, POLLIN, 0});
    }
    for (auto& s : m_services) {
      fds.push_back({s->out.read_fd, POLLIN, 0});
      fds.push_back({s->err.read_fd, POLLIN, 0});
    }
    if (::poll(fds.data(), fds.size(), poll_timeout_ms()) < 0 && errno != EINTR) {
      log_event(std::string("poll failed: ") + std::strerror(errno));
      return k_exit_internal;
    }
    std::size_t i = 1;
    if (m_control_fd >= 0 && (fds[i++].revents & POLLIN) != 0) {
      handle_control_client();
    }
    for (auto& s : m_services) {
      if (fds[i++].revents != 0) {
        handle_output(s->out, *s);
      }
      if (fds[i++].revents != 0) {
        handle_output(s->err, *s);
      }
    }
    while (const int sig = read_signal(m_signal_fd)) {
      handle_signal(sig);
    }
    check_timers();
  }
  drain_all_output();
  const int code = exit_code();
  log_event("exiting with code " + std::to_string(code));
  return code;
}

int Supervisor::poll_timeout_ms() const {
  const auto now = Clock::now();
  auto next = now + std::chrono::hours(1);
  auto consider = [&](TimePoint t) { next = std::min(next, t); };
  for (const auto& s : m_services) {
    if (s->state == ServiceState::backoff) {
      consider(s->restart_at);
    }
    if (s->state == ServiceState::stopping && !s->killed) {
      consider(s->stop_deadline);
    }
    if (s->state == ServiceState::starting) {
      consider(s->probe_pid > 0 ? s->probe_deadline : s->next_probe);
      if (s->cfg.ready_timeout.count() > 0) {
        consider(s->ready_deadline);
      }
    }
  }
  if (m_shutdown) {
    consider(m_final_armed ? m_final_deadline : m_kill_deadline);
  }
  return static_cast<int>(std::clamp<long long>(ms_between(now, next) + 1, 0, 3600000));
}

void Supervisor::handle_signal(int sig) {
  if (sig == SIGCHLD) {
    handle_children();
    return;
  }
  if (sig == SIGTERM || sig == SIGINT || sig == SIGQUIT) {
    if (m_shutdown) {
      kill_everything("second " + signal_name(sig) + " during shutdown");
    } else {
      begin_shutdown(sig, "received " + signal_name(sig));
    }
    return;
  }
  // HUP, USR1, USR2, WINCH: forwarded to every running service's process group.
  for (auto& s : m_services) {
    if (s->running()) {
      signal_group(s->pid, sig);
    }
  }
  log_event("forwarded " + signal_name(sig) + " to all services");
}

bool Supervisor::handle_children() {
  bool no_children = false;
  for (const auto& r : reap_children(no_children)) {
    for (auto& s : m_services) {
      if (s->pid == r.pid) {
        on_service_exit(*s, r.status);
        break;
      }
      if (s->probe_pid == r.pid) {
        on_probe_exit(*s, r.status);
        break;
      }
    }
    // Anything else was an orphan re-parented to us: reaping it is all that is needed.
  }
  return no_children;
}

void Supervisor::handle_output(OutputStream& stream, Service& s) {
  static char buf[65536];
  for (int rounds = 0; rounds < 16; ++rounds) { // bounded so one noisy service cannot starve
    const ssize_t n = ::read(stream.read_fd, buf, sizeof buf);
    if (n <= 0) {
      return;
    }
    stream.buffer.feed({buf, static_cast<std::size_t>(n)}, [&](std::string_view line) {
      write_all(stream.target_fd, prefix_line(s.cfg.name, line));
      s.log.write_line(line);
    });
  }
}

void Supervisor::drain_all_output() {
  for (auto& s : m_services) {
    for (OutputStream* st : {&s->out, &s->err}) {
      handle_output(*st, *s);
      st->buffer.flush([&](std::string_view line) {
        write_all(st->target_fd, prefix_line(s->cfg.name, line));
        s->log.write_line(line);
      });
    }
  }
}

void Supervisor::check_timers() {
  const auto now = Clock::now();
  for (auto& s : m_services) {
    if (s->state == ServiceState::backoff && now >= s->restart_at && !m_shutdown) {
      spawn_service(*s);
    } else if (s->state == ServiceState::stopping && !s->killed && now >= s->stop_deadline) {
      kill_service(*s, "did not stop within its stop timeout");
    } else if (s->state == ServiceState::starting) {
      check_readiness(*s);
    }
  }
  if (m_shutdown && !m_final_armed && now >= m_kill_deadline) {
    kill_everything("grace period of " + std::to_string(m_cfg.global.grace_period.count()) +
                    " ms expired");
  } else if (m_shutdown && m_final_armed && now >= m_final_deadline) {
    log_event("giving up on processes that survived SIGKILL");
    m_done = true;
  }
}

std::vector<StatusRow> Supervisor::status_rows() const {
  const auto now = Clock::now();
  std::vector<StatusRow> rows;
  for (const auto& s : m_services) {
    StatusRow r;
    r.name = s->cfg.name;
    r.state = std::string(state_name(s->state));
    r.pid = s->pid;
    r.restarts = std::max(0, s->spawns - 1);
    r.uptime_ms = s->running() ? ms_between(s->started_at, now) : -1;
    r.ready = s->ready;
    r.readiness = describe_probe(s->cfg.ready);
    if (s->last_status) {
      r.last_exit = describe_status(*s->last_status);
    }
    rows.push_back(std::move(r));
  }
  return rows;
}

} // namespace plinth::init
