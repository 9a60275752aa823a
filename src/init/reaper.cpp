// SPDX-License-Identifier: Apache-2.0
#include "init/reaper.hpp"

#include "init/signals.hpp"

#include <cerrno>
#include <charconv>
#include <dirent.h>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <unordered_map>

namespace plinth::init {

namespace {

// Parent pid from /proc/PID/stat; the command name may contain spaces and ')' so parse
// from the last ')'.
pid_t read_ppid(pid_t pid) {
  const std::string path = "/proc/" + std::to_string(pid) + "/stat";
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return -1;
  }
  char buf[512];
  const ssize_t n = ::read(fd, buf, sizeof buf - 1);
  ::close(fd);
  if (n <= 0) {
    return -1;
  }
  const std::string_view stat(buf, static_cast<std::size_t>(n));
  const auto close_paren = stat.rfind(')');
  if (close_paren == std::string_view::npos || close_paren + 4 >= stat.size()) {
    return -1;
  }
  // ") S 123 ..." : state at +2, ppid starts at +4
  if (stat[close_paren + 2] == 'Z' || stat[close_paren + 2] == 'X') {
    return -1; // already dead: nothing to signal
  }
  pid_t ppid = -1;
  const char* begin = stat.data() + close_paren + 4;
  std::from_chars(begin, stat.data() + stat.size(), ppid);
  return ppid;
}

} // namespace

std::vector<Reaped> reap_children(bool& no_children) {
  std::vector<Reaped> out;
  no_children = false;
  while (true) {
    int status = 0;
    const pid_t pid = ::waitpid(-1, &status, WNOHANG);
    if (pid > 0) {
      out.push_back({pid, status});
      continue;
    }
    if (pid < 0 && errno == EINTR) {
      continue;
    }
    no_children = pid < 0 && errno == ECHILD;
    return out;
  }
}

std::vector<pid_t> list_descendants(pid_t root) {
  std::unordered_map<pid_t, pid_t> parent;
  if (DIR* d = ::opendir("/proc")) {
    while (const dirent* e = ::readdir(d)) {
      pid_t pid = 0;
      const std::string_view name(e->d_name);
      const auto res = std::from_chars(name.data(), name.data() + name.size(), pid);
      if (res.ec == std::errc() && res.ptr == name.data() + name.size() && pid != root) {
        parent[pid] = read_ppid(pid);
      }
    }
    ::closedir(d);
  }
  std::vector<pid_t> out;
  for (const auto& [pid, ppid] : parent) {
    pid_t p = ppid;
    for (int depth = 0; p > 0 && depth < 4096; ++depth) {
      if (p == root) {
        out.push_back(pid);
        break;
      }
      auto it = parent.find(p);
      p = it == parent.end() ? -1 : it->second;
    }
  }
  return out;
}

std::string describe_status(int status) {
  if (WIFEXITED(status)) {
    return "exited with code " + std::to_string(WEXITSTATUS(status));
  }
  if (WIFSIGNALED(status)) {
    return "killed by " + signal_name(WTERMSIG(status)) + (WCOREDUMP(status) ? " (core)" : "");
  }
  return "status " + std::to_string(status);
}

int status_to_code(int status) {
  if (WIFEXITED(status)) {
    return WEXITSTATUS(status);
  }
  if (WIFSIGNALED(status)) {
    return 128 + WTERMSIG(status);
  }
  return 1;
}

bool become_subreaper() {
  if (::getpid() == 1) {
    return true;
  }
  return ::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0;
}

} // namespace plinth::init
