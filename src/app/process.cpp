// SPDX-License-Identifier: Apache-2.0
#include "app/process.hpp"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <filesystem>
#include <mutex>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace plinth::app {
namespace {

constexpr std::size_t k_tail_lines = 30;

void emit(std::string_view line, const LineFn& on_line, std::deque<std::string>& tail) {
  if (!line.empty() && line.back() == '\r') {
    line.remove_suffix(1);
  }
  if (on_line) {
    on_line(line);
  }
  tail.emplace_back(line);
  if (tail.size() > k_tail_lines) {
    tail.pop_front();
  }
}

[[noreturn]] void exec_child(const std::vector<std::string>& argv, int out_fd, int in_fd) {
  ::dup2(in_fd, STDIN_FILENO);
  ::dup2(out_fd, STDOUT_FILENO);
  ::dup2(out_fd, STDERR_FILENO);
  std::vector<char*> args;
  for (const auto& a : argv) {
    args.push_back(const_cast<char*>(a.c_str()));
  }
  args.push_back(nullptr);
  ::execvp(args[0], args.data());
  std::_Exit(127);
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

Result<ProcessResult> run_process(const std::vector<std::string>& argv, const LineFn& on_line,
                                  const std::string& stdin_text) {
  if (argv.empty()) {
    return fail(Errc::internal, "run_process: empty command");
  }
  static std::once_flag ignore_sigpipe;
  std::call_once(ignore_sigpipe, [] { std::signal(SIGPIPE, SIG_IGN); });
  const auto program = argv[0].find('/') == std::string::npos ? find_program(argv[0]) : argv[0];
  if (program.empty()) {
    return fail(Errc::not_found, "'" + argv[0] + "' is not installed (not found on PATH)");
  }
  int out[2];
  int in[2];
  if (::pipe(out) != 0 || ::pipe(in) != 0) {
    return fail(Errc::io, std::string("pipe: ") + std::strerror(errno));
  }
  auto args = argv;
  args[0] = program;
  const pid_t pid = ::fork();
  if (pid < 0) {
    return fail(Errc::io, std::string("fork: ") + std::strerror(errno));
  }
  if (pid == 0) {
    ::close(out[0]);
    ::close(in[1]);
    exec_child(args, out[1], in[0]);
  }
  ::close(out[1]);
  ::close(in[0]);
  // Feed stdin from another thread so a child that talks before it has read everything
  // (docker buildx with a large context) cannot deadlock against us.
  std::thread feeder([fd = in[1], &stdin_text] {
    std::size_t done = 0;
    while (done < stdin_text.size()) {
      const auto n = ::write(fd, stdin_text.data() + done, stdin_text.size() - done);
      if (n < 0 && errno == EINTR) {
        continue;
      }
      if (n <= 0) {
        break; // the child closed its stdin (EPIPE; SIGPIPE is ignored)
      }
      done += static_cast<std::size_t>(n);
    }
    ::close(fd);
  });
  std::deque<std::string> tail;
  std::string buffer;
  char chunk[8192];
  for (;;) {
    const auto n = ::read(out[0], chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      break;
    }
    buffer.append(chunk, static_cast<std::size_t>(n));
    for (auto nl = buffer.find('\n'); nl != std::string::npos; nl = buffer.find('\n')) {
      emit(std::string_view(buffer).substr(0, nl), on_line, tail);
      buffer.erase(0, nl + 1);
    }
  }
  if (!buffer.empty()) {
    emit(buffer, on_line, tail);
  }
  ::close(out[0]);
  feeder.join();
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  ProcessResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  for (const auto& l : tail) {
    r.tail += l + "\n";
  }
  return r;
}

} // namespace plinth::app
