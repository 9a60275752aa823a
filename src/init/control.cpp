// SPDX-License-Identifier: Apache-2.0
#include "init/control.hpp"

#include "init/log_sink.hpp"
#include "init/supervisor.hpp"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

namespace plinth::init {

namespace {

constexpr int k_client_timeout_ms = 500; // a stuck client must not stall the supervisor

bool fill_address(const std::string& path, sockaddr_un& addr) {
  addr = {};
  addr.sun_family = AF_UNIX;
  if (path.empty() || path.size() >= sizeof addr.sun_path) {
    return false;
  }
  std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
  return true;
}

std::string read_request(int fd) {
  std::string line;
  char buf[256];
  while (line.find('\n') == std::string::npos && line.size() < 1024) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, k_client_timeout_ms) <= 0) {
      break;
    }
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n <= 0) {
      break;
    }
    line.append(buf, static_cast<std::size_t>(n));
  }
  return line.substr(0, line.find('\n'));
}

} // namespace

bool Supervisor::open_control_socket() {
  const auto& path = m_cfg.global.control_socket;
  if (path.empty() || path == "none") {
    return true;
  }
  // The default socket sits in its own directory; make it when the image has none.
  if (const auto slash = path.rfind('/'); slash != std::string::npos && slash > 0) {
    ::mkdir(path.substr(0, slash).c_str(), 0755); // EEXIST is fine; bind reports the rest
  }
  // Bound under a temporary name and renamed once listening, so a client that sees the
  // path can always connect.
  const std::string tmp = path + ".new";
  sockaddr_un addr{};
  if (!fill_address(tmp, addr)) {
    log_event("control socket path too long: " + path);
    return false;
  }
  m_control_fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  ::unlink(tmp.c_str());                 // stale socket from a previous run
  const mode_t old_mask = ::umask(0177); // 0600: only our own user may control us
  const bool ok = m_control_fd >= 0 &&
                  ::bind(m_control_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
                  ::listen(m_control_fd, 8) == 0 && ::rename(tmp.c_str(), path.c_str()) == 0;
  ::umask(old_mask);
  if (!ok) {
    log_event("cannot create control socket " + path + ": " + std::strerror(errno));
  }
  return ok;
}

void Supervisor::handle_control_client() {
  const int fd = ::accept4(m_control_fd, nullptr, nullptr, SOCK_CLOEXEC);
  if (fd < 0) {
    return;
  }
  const std::string reply = handle_command(read_request(fd));
  ::send(fd, reply.data(), reply.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
  ::close(fd);
}

std::string Supervisor::handle_command(const std::string& line) {
  const auto space = line.find(' ');
  const std::string verb = line.substr(0, space);
  const std::string arg = space == std::string::npos ? "" : line.substr(space + 1);
  if (verb == "status") {
    SupervisorInfo info{::getpid(), ::getpid() == 1, m_shutdown ? "stopping" : "running",
                        read_rss_kb(),
                        std::chrono::duration_cast<Millis>(Clock::now() - m_started_at).count()};
    return "ok\n" + (arg == "--json" ? format_status_json(info, status_rows())
                                     : format_status_table(status_rows()));
  }
  if (verb != "restart" && verb != "stop" && verb != "start") {
    return "error: unknown command '" + verb + "' (status, restart, stop, start)\n";
  }
  if (m_shutdown) {
    return "error: shutting down\n";
  }
  for (auto& sp : m_services) {
    Service& s = *sp;
    if (s.cfg.name != arg) {
      continue;
    }
    log_event("control: " + verb + " " + arg);
    if (verb == "start" && s.running()) {
      return "ok\n" + arg + " is already running\n";
    }
    if (verb != "stop") {
      s.consecutive_failures = 0; // an explicit (re)start forgives earlier crashes
      s.crashes.clear();
    }
    if (s.running()) {
      s.restart_requested = verb == "restart";
      stop_service(s, "requested over the control socket");
    } else {
      s.state = verb == "stop" ? ServiceState::stopped : ServiceState::waiting;
    }
    return "ok\n";
  }
  return "error: no service named '" + arg + "'\n";
}

int run_control_client(const std::string& socket_path, const std::string& request) {
  sockaddr_un addr{};
  const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0 || !fill_address(socket_path, addr) ||
      ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    const std::string msg = "plinth-init: cannot reach the supervisor at " + socket_path + ": " +
                            std::strerror(errno) + "\n";
    write_all(STDERR_FILENO, msg);
    return 3;
  }
  write_all(fd, request + "\n");
  std::string reply;
  char buf[4096];
  ssize_t n = 0;
  while ((n = ::read(fd, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR)) {
    reply.append(buf, static_cast<std::size_t>(std::max<ssize_t>(n, 0)));
  }
  ::close(fd);
  const auto nl = reply.find('\n');
  const std::string head = reply.substr(0, nl);
  const std::string body = nl == std::string::npos ? "" : reply.substr(nl + 1);
  if (head == "ok") {
    write_all(STDOUT_FILENO, body);
    return 0;
  }
  write_all(STDERR_FILENO, "plinth-init: " + (head.empty() ? "no reply" : head) + "\n" + body);
  return 1;
}

} // namespace plinth::init
