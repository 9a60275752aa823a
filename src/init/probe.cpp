// SPDX-License-Identifier: Apache-2.0
#include "init/probe.hpp"

#include "init/signals.hpp"

#include <arpa/inet.h>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace plinth::init {

namespace {

using Clock = std::chrono::steady_clock;

int remaining_ms(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<Millis>(deadline - Clock::now()).count();
  return left > 0 ? static_cast<int>(left) : 0;
}

bool wait_fd(int fd, short events, Clock::time_point deadline) {
  pollfd p{fd, events, 0};
  int rc = 0;
  do {
    rc = ::poll(&p, 1, remaining_ms(deadline));
  } while (rc < 0 && errno == EINTR);
  return rc > 0;
}

int connect_with_deadline(const ReadyProbe& probe, Clock::time_point deadline) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(probe.port));
  if (::inet_pton(AF_INET, probe.host.c_str(), &addr.sin_addr) != 1) {
    return -1;
  }
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    return -1;
  }
  int rc = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  if (rc != 0 && errno == EINPROGRESS && wait_fd(fd, POLLOUT, deadline)) {
    int err = 0;
    socklen_t len = sizeof err;
    rc = (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) == 0 && err == 0) ? 0 : -1;
  }
  if (rc != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

bool http_get(int fd, const ReadyProbe& probe, Clock::time_point deadline) {
  const std::string request = "GET " + probe.path + " HTTP/1.0\r\nHost: " + probe.host + ":" +
                              std::to_string(probe.port) +
                              "\r\nUser-Agent: plinth-init\r\nConnection: close\r\n\r\n";
  std::string_view rest(request);
  while (!rest.empty()) {
    if (!wait_fd(fd, POLLOUT, deadline)) {
      return false;
    }
    const ssize_t n = ::send(fd, rest.data(), rest.size(), MSG_NOSIGNAL);
    if (n < 0 && errno != EAGAIN && errno != EINTR) {
      return false;
    }
    rest.remove_prefix(n > 0 ? static_cast<std::size_t>(n) : 0);
  }
  std::string response;
  char buf[512];
  while (response.find('\n') == std::string::npos && response.size() < 4096) {
    if (!wait_fd(fd, POLLIN, deadline)) {
      return false;
    }
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
      break;
    }
    response.append(buf, static_cast<std::size_t>(std::max<ssize_t>(n, 0)));
  }
  return http_status_ready(parse_http_status(response));
}

} // namespace

int parse_http_status(std::string_view response) {
  if (!response.starts_with("HTTP/")) {
    return 0;
  }
  const auto space = response.find(' ');
  if (space == std::string_view::npos || response.size() < space + 4) {
    return 0;
  }
  int code = 0;
  const char* begin = response.data() + space + 1;
  const auto res = std::from_chars(begin, begin + 3, code);
  return (res.ec == std::errc() && res.ptr == begin + 3 && code >= 100) ? code : 0;
}

bool run_network_probe(const ReadyProbe& probe, Millis timeout) {
  const auto deadline = Clock::now() + timeout;
  const int fd = connect_with_deadline(probe, deadline);
  if (fd < 0) {
    return false;
  }
  const bool ok = probe.kind == ProbeKind::tcp || http_get(fd, probe, deadline);
  ::close(fd);
  return ok;
}

pid_t start_probe(const ReadyProbe& probe, const SpawnSpec& service_spec, Millis timeout,
                  std::string& why) {
  if (probe.kind == ProbeKind::cmd) {
    SpawnSpec spec = service_spec;
    spec.argv = {"/bin/sh", "-c", probe.command};
    spec.stdout_fd = -1;
    spec.stderr_fd = -1;
    return spawn_process(spec, why);
  }
  const pid_t pid = ::fork();
  if (pid < 0) {
    why = std::string("fork failed: ") + std::strerror(errno);
    return -1;
  }
  if (pid == 0) {
    ::setpgid(0, 0);
    reset_signals_in_child();
    close_inherited_fds();
    ::_exit(run_network_probe(probe, timeout) ? 0 : 1);
  }
  return pid;
}

} // namespace plinth::init
