// SPDX-License-Identifier: Apache-2.0
#include "init/spawn.hpp"

#include "init/signals.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <grp.h>
#include <map>
#include <string_view>
#include <unistd.h>

extern char** environ;

namespace plinth::init {

namespace {

// Child-side failure: report on the service's stderr and exit with a documented code.
[[noreturn]] void child_fail(const SpawnSpec& spec, const char* what, int err, int code) {
  std::string msg =
      "plinth-init: service '" + spec.label + "': " + what + ": " + std::strerror(err) + "\n";
  const ssize_t ignored = ::write(STDERR_FILENO, msg.data(), msg.size());
  (void)ignored;
  ::_exit(code);
}

void setup_stdio(const SpawnSpec& spec) {
  const int devnull = ::open("/dev/null", O_RDWR);
  const int out = spec.stdout_fd >= 0 ? spec.stdout_fd : devnull;
  const int err = spec.stderr_fd >= 0 ? spec.stderr_fd : devnull;
  ::dup2(devnull, STDIN_FILENO);
  ::dup2(out, STDOUT_FILENO);
  ::dup2(err, STDERR_FILENO);
}

void drop_privileges(const SpawnSpec& spec) {
  if (!spec.identity) {
    return;
  }
  const auto& id = *spec.identity;
  if (::geteuid() == 0 &&
      ::setgroups(id.groups.size(), id.groups.empty() ? nullptr : id.groups.data()) != 0) {
    child_fail(spec, "setgroups", errno, k_exit_cannot_exec);
  }
  if (::setgid(id.gid) != 0) {
    child_fail(spec, ("setgid " + std::to_string(id.gid)).c_str(), errno, k_exit_cannot_exec);
  }
  if (::setuid(id.uid) != 0) {
    child_fail(spec, ("setuid " + std::to_string(id.uid)).c_str(), errno, k_exit_cannot_exec);
  }
}

} // namespace

void close_inherited_fds() {
  if (::close_range(3, ~0U, 0) == 0) {
    return;
  }
  const long max = std::min(::sysconf(_SC_OPEN_MAX), 65536L);
  for (int fd = 3; fd < max; ++fd) {
    ::close(fd);
  }
}

std::vector<std::string> build_environment(const std::vector<std::string>& overrides,
                                           const std::optional<Identity>& identity) {
  std::map<std::string, std::string, std::less<>> vars;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    const std::string_view kv(*e);
    const auto eq = kv.find('=');
    if (eq != std::string_view::npos) {
      vars[std::string(kv.substr(0, eq))] = std::string(kv.substr(eq + 1));
    }
  }
  if (identity && !identity->name.empty()) {
    vars["USER"] = identity->name;
    vars["LOGNAME"] = identity->name;
  }
  if (identity && !identity->home.empty()) {
    vars["HOME"] = identity->home;
  }
  for (const auto& kv : overrides) {
    const auto eq = kv.find('=');
    vars[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  std::vector<std::string> out;
  out.reserve(vars.size());
  for (const auto& [k, v] : vars) {
    out.push_back(k + "=" + v);
  }
  return out;
}

pid_t spawn_process(const SpawnSpec& spec, std::string& why) {
  // Everything the child needs is prepared before fork.
  std::vector<char*> argv;
  for (const auto& a : spec.argv) {
    argv.push_back(const_cast<char*>(a.c_str()));
  }
  argv.push_back(nullptr);
  std::vector<char*> envp;
  for (const auto& e : spec.env) {
    envp.push_back(const_cast<char*>(e.c_str()));
  }
  envp.push_back(nullptr);

  const pid_t pid = ::fork();
  if (pid < 0) {
    why = std::string("fork failed: ") + std::strerror(errno) +
          (errno == EAGAIN ? " (pids limit reached?)" : "");
    return -1;
  }
  if (pid > 0) {
    return pid;
  }
  ::setsid(); // own session and process group: signals to the group reach only this service
  reset_signals_in_child();
  setup_stdio(spec);
  close_inherited_fds();
  if (!spec.workdir.empty() && ::chdir(spec.workdir.c_str()) != 0) {
    child_fail(spec, ("chdir " + spec.workdir).c_str(), errno, k_exit_cannot_exec);
  }
  drop_privileges(spec);
  environ = envp.data(); // execvp searches the service's own PATH
  ::execvp(argv[0], argv.data());
  const int err = errno;
  child_fail(spec, ("exec " + spec.argv[0]).c_str(), err,
             err == ENOENT ? k_exit_not_found : k_exit_cannot_exec);
}

} // namespace plinth::init
