// SPDX-License-Identifier: Apache-2.0
#include "util/process.hpp"

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <filesystem>
#include <mutex>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace plinth {
namespace {

constexpr std::size_t k_tail_lines = 30;

struct Collector {
  const ProcessOptions& options;
  std::deque<std::string> tail;
  std::string partial;
  std::string output;

  void emit(std::string_view line) {
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    if (options.on_line) {
      options.on_line(line);
    }
    tail.emplace_back(line);
    if (tail.size() > k_tail_lines) {
      tail.pop_front();
    }
  }
  void chunk(const char* data, std::size_t n) {
    if (output.size() < options.keep_output) {
      output.append(data, n);
    }
    partial.append(data, n);
    for (auto nl = partial.find('\n'); nl != std::string::npos; nl = partial.find('\n')) {
      emit(std::string_view(partial).substr(0, nl));
      partial.erase(0, nl + 1);
    }
  }
  void finish() {
    if (!partial.empty()) {
      emit(partial);
      partial.clear();
    }
  }
};

// Reads until EOF (true) or the deadline (false: the caller kills the child).
bool drain(int fd, Collector& out,
           const std::optional<std::chrono::steady_clock::time_point>& deadline) {
  std::array<char, 8192> buf{};
  while (true) {
    if (deadline) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          *deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) {
        return false;
      }
      pollfd p{fd, POLLIN, 0};
      const int r = ::poll(&p, 1, static_cast<int>(left.count()));
      if (r < 0 && errno == EINTR) {
        continue;
      }
      if (r <= 0) {
        return false; // deadline, or poll failed
      }
    }
    const auto n = ::read(fd, buf.data(), buf.size());
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      return true;
    }
    out.chunk(buf.data(), static_cast<std::size_t>(n));
  }
}

// Writes `text` to fd and closes it; stops when the child closes its stdin (EPIPE).
void feed(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const auto n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      break; // the child closed its stdin (EPIPE; SIGPIPE is ignored)
    }
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
}

} // namespace

std::string find_program(std::string_view name) {
  const char* path = std::getenv("PATH");
  std::string_view dirs = path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin";
  std::string all = std::string(dirs) + ":/usr/sbin:/sbin";
  std::size_t pos = 0;
  while (pos <= all.size()) {
    auto colon = all.find(':', pos);
    if (colon == std::string::npos) {
      colon = all.size();
    }
    const auto candidate = std::filesystem::path(all.substr(pos, colon - pos)) / std::string(name);
    if (::access(candidate.c_str(), X_OK) == 0) {
      return candidate.string();
    }
    pos = colon + 1;
  }
  return {};
}

Result<ProcessResult> run_process(const std::vector<std::string>& argv,
                                  const ProcessOptions& options) {
  if (argv.empty()) {
    return fail(Errc::internal, "run_process: empty command");
  }
  // A child that exits before reading all of its stdin must not kill us.
  static std::once_flag ignore_sigpipe;
  std::call_once(ignore_sigpipe, [] { std::signal(SIGPIPE, SIG_IGN); });
  const auto program = argv[0].find('/') == std::string::npos ? find_program(argv[0]) : argv[0];
  if (program.empty()) {
    return fail(Errc::not_found, "'" + argv[0] + "' is not installed (not found on PATH)");
  }
  const bool feeding = !options.stdin_text.empty();
  std::array<int, 2> out{-1, -1};
  std::array<int, 2> in{-1, -1};
  if (::pipe2(out.data(), O_CLOEXEC) != 0) {
    return fail(Errc::io, std::string("pipe: ") + std::strerror(errno));
  }
  if (feeding && ::pipe2(in.data(), O_CLOEXEC) != 0) {
    const int err = errno;
    ::close(out[0]);
    ::close(out[1]);
    return fail(Errc::io, std::string("pipe: ") + std::strerror(err));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (feeding) {
    posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
  } else {
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  }
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDERR_FILENO);
  std::vector<char*> args;
  args.push_back(const_cast<char*>(program.c_str()));
  for (std::size_t i = 1; i < argv.size(); ++i) {
    args.push_back(const_cast<char*>(argv[i].c_str()));
  }
  args.push_back(nullptr);
  pid_t pid = 0;
  const int rc = ::posix_spawn(&pid, program.c_str(), &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out[1]);
  if (feeding) {
    ::close(in[0]);
  }
  if (rc != 0) {
    ::close(out[0]);
    if (feeding) {
      ::close(in[1]);
    }
    return fail(rc == ENOENT ? Errc::not_found : Errc::io,
                "cannot run '" + argv[0] + "': " + std::strerror(rc));
  }
  // Feed stdin from another thread so a child that talks before it has read everything
  // (docker buildx with a large context) cannot deadlock against us.
  std::thread feeder;
  if (feeding) {
    feeder = std::thread([fd = in[1], &options] { feed(fd, options.stdin_text); });
  }
  Collector collected{options, {}, {}, {}};
  std::optional<std::chrono::steady_clock::time_point> deadline;
  if (options.timeout) {
    deadline = std::chrono::steady_clock::now() + *options.timeout;
  }
  const bool finished = drain(out[0], collected, deadline);
  ::close(out[0]);
  if (!finished) {
    ::kill(pid, SIGKILL);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (feeder.joinable()) {
    feeder.join();
  }
  collected.finish();
  ProcessResult r;
  r.timed_out = !finished;
  if (!finished) {
    r.exit_code = 124;
  } else if (WIFEXITED(status)) {
    r.exit_code = WEXITSTATUS(status);
  } else {
    r.exit_code = 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
  }
  r.output = std::move(collected.output);
  for (const auto& l : collected.tail) {
    r.tail += l + "\n";
  }
  return r;
}

Result<ProcessResult> run_process(const std::vector<std::string>& argv, const LineFn& on_line,
                                  const std::string& stdin_text) {
  ProcessOptions options;
  options.on_line = on_line;
  options.stdin_text = stdin_text;
  return run_process(argv, options);
}

} // namespace plinth
