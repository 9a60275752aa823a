// SPDX-License-Identifier: Apache-2.0
#include "init/signals.hpp"

#include <array>
#include <cerrno>
#include <charconv>
#include <csignal>
#include <cstring>
#include <sys/signalfd.h>
#include <unistd.h>

namespace plinth::init {

namespace {

struct SignalName {
  int number;
  const char* name;
};

constexpr std::array k_signal_names{
    SignalName{SIGHUP, "HUP"},     SignalName{SIGINT, "INT"},   SignalName{SIGQUIT, "QUIT"},
    SignalName{SIGILL, "ILL"},     SignalName{SIGTRAP, "TRAP"}, SignalName{SIGABRT, "ABRT"},
    SignalName{SIGBUS, "BUS"},     SignalName{SIGFPE, "FPE"},   SignalName{SIGKILL, "KILL"},
    SignalName{SIGUSR1, "USR1"},   SignalName{SIGSEGV, "SEGV"}, SignalName{SIGUSR2, "USR2"},
    SignalName{SIGPIPE, "PIPE"},   SignalName{SIGALRM, "ALRM"}, SignalName{SIGTERM, "TERM"},
    SignalName{SIGCHLD, "CHLD"},   SignalName{SIGCONT, "CONT"}, SignalName{SIGSTOP, "STOP"},
    SignalName{SIGTSTP, "TSTP"},   SignalName{SIGTTIN, "TTIN"}, SignalName{SIGTTOU, "TTOU"},
    SignalName{SIGWINCH, "WINCH"}, SignalName{SIGXCPU, "XCPU"}, SignalName{SIGSYS, "SYS"},
};

// Signals the supervisor reads from the signalfd.
constexpr std::array k_handled{SIGCHLD, SIGTERM, SIGINT,  SIGQUIT,
                               SIGHUP,  SIGUSR1, SIGUSR2, SIGWINCH};
// Never let them stop or kill the supervisor.
constexpr std::array k_ignored{SIGTTIN, SIGTTOU, SIGTSTP, SIGPIPE};

} // namespace

int signal_from_name(std::string_view name) {
  if (name.starts_with("SIG")) {
    name.remove_prefix(3);
  }
  for (const auto& s : k_signal_names) {
    if (name == s.name) {
      return s.number;
    }
  }
  int number = 0;
  const auto res = std::from_chars(name.data(), name.data() + name.size(), number);
  if (res.ec == std::errc() && res.ptr == name.data() + name.size() && number > 0 &&
      number < NSIG) {
    return number;
  }
  return 0;
}

std::string signal_name(int sig) {
  for (const auto& s : k_signal_names) {
    if (sig == s.number) {
      return std::string("SIG") + s.name;
    }
  }
  return "SIG" + std::to_string(sig);
}

int setup_signalfd() {
  sigset_t set;
  sigemptyset(&set);
  for (int sig : k_handled) {
    sigaddset(&set, sig);
  }
  if (sigprocmask(SIG_BLOCK, &set, nullptr) != 0) {
    return -1;
  }
  for (int sig : k_ignored) {
    std::signal(sig, SIG_IGN);
  }
  return signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
}

void signal_group(int pid, int sig) {
  if (pid > 0 && ::kill(-pid, sig) != 0 && errno == ESRCH) {
    ::kill(pid, sig);
  }
}

int read_signal(int fd) {
  signalfd_siginfo info{};
  const ssize_t n = ::read(fd, &info, sizeof info);
  if (n != static_cast<ssize_t>(sizeof info)) {
    return 0;
  }
  return static_cast<int>(info.ssi_signo);
}

void reset_signals_in_child() {
  for (int sig = 1; sig < NSIG; ++sig) {
    if (sig != SIGKILL && sig != SIGSTOP) {
      std::signal(sig, SIG_DFL);
    }
  }
  sigset_t empty;
  sigemptyset(&empty);
  sigprocmask(SIG_SETMASK, &empty, nullptr);
}

} // namespace plinth::init
