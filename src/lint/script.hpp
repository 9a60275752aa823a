// SPDX-License-Identifier: Apache-2.0
// The shell script a RUN executes: its shell-form text (or `sh -c` exec argument) followed
// by the bodies of heredocs that the shell runs. Non-shell heredoc bodies (python …) are
// blanked so offsets still line up with the source.
#pragma once

#include "dockerfile/ast.hpp"

#include <string>
#include <string_view>

namespace plinth::lint {

struct RunScript {
  std::string owned;         // storage when the script had to be assembled
  std::string_view borrowed; // the instruction's own text when no assembly was needed
  bool uses_owned = false;
  std::size_t text_size = 0; // length of the command-line part

  // Computed on each call so copies and moves stay valid.
  std::string_view text() const { return uses_owned ? std::string_view(owned) : borrowed; }
};

RunScript run_script(const dockerfile::Instruction& run);

} // namespace plinth::lint
