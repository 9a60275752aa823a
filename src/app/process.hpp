// SPDX-License-Identifier: Apache-2.0
// Runs a program (no shell) and streams its merged stdout+stderr line by line.
#pragma once

#include "util/result.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace plinth::app {

struct ProcessResult {
  int exit_code = 0; // 128+N when killed by signal N
  std::string tail;  // the last lines of output (for error messages)
};

using LineFn = std::function<void(std::string_view line)>;

// Errc::not_found when the program does not exist on PATH.
Result<ProcessResult> run_process(const std::vector<std::string>& argv, const LineFn& on_line,
                                  const std::string& stdin_text = {});

// The program's full path on PATH, or empty.
std::string find_program(std::string_view name);

} // namespace plinth::app
