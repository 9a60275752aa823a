// SPDX-License-Identifier: Apache-2.0
// The one subprocess runner (no shell): runs a program with its stdout and stderr merged,
// hands each output line to a callback, keeps the last lines (and, if asked, the raw
// output), feeds stdin from a string, and kills the program at a deadline. Used by the
// doctor's probes and by the docker CLI / debootstrap / credential-helper calls of app and
// builder. This file does I/O (like files.cpp).
#pragma once

#include "util/result.hpp"

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plinth {

// One line of output, without its '\n' (and without a trailing '\r').
using LineFn = std::function<void(std::string_view line)>;

struct ProcessOptions {
  LineFn on_line;         // called for each line of the merged stdout+stderr; may be empty
  std::string stdin_text; // fed to the program's stdin; empty: stdin is /dev/null
  // Killed (SIGKILL) when it runs longer; exit_code is then 124 and timed_out true.
  std::optional<std::chrono::milliseconds> timeout;
  std::size_t keep_output = 0; // keep the raw output in ProcessResult::output while it is
                               // shorter than this many bytes (0: keep none)
};

struct ProcessResult {
  int exit_code = 0;      // 128+N when killed by signal N; 124 when the deadline passed
  bool timed_out = false; // killed at the deadline
  std::string output;     // raw merged output (see ProcessOptions::keep_output)
  std::string tail;       // the last lines of output, '\n'-terminated (for error messages)
};

// argv[0] without a '/' is looked up on PATH (find_program). Errc::not_found when the
// program does not exist there; Errc::io when it cannot be started.
Result<ProcessResult> run_process(const std::vector<std::string>& argv,
                                  const ProcessOptions& options);

// Shorthand: stream lines, feed `stdin_text`, no deadline.
Result<ProcessResult> run_process(const std::vector<std::string>& argv, const LineFn& on_line,
                                  const std::string& stdin_text = {});

// The program's full path on $PATH (plus /usr/sbin and /sbin), or empty.
std::string find_program(std::string_view name);

} // namespace plinth
