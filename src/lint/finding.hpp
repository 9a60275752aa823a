// SPDX-License-Identifier: Apache-2.0
// One lint result: which rule, how severe, where (1-based line/column) and what.
#pragma once

#include "lint/level.hpp"

#include <string>
#include <vector>

namespace plinth::lint {

struct Finding {
  std::string rule; // "PL2003"
  Level level = Level::warning;
  std::string message;
  int line = 0;
  int column = 0;
  int end_line = 0; // last line of the offending instruction (>= line)
};

// The findings for one input file, with its text for caret rendering.
struct FileReport {
  std::string path;
  std::string source;
  std::vector<Finding> findings;
};

} // namespace plinth::lint
