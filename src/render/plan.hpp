// SPDX-License-Identifier: Apache-2.0
// What the renderer meant to write, instruction by instruction, with the exact values. The
// writer records it while it serialises; verify.hpp parses the text back and compares.
#pragma once

#include "dockerfile/ast.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace plinth::render {

struct PlannedInstruction {
  dockerfile::Keyword keyword = dockerfile::Keyword::unknown;
  std::vector<std::string> flags; // as written: "--link", "--mount=type=cache,…"
  bool exec_form = false;
  std::vector<std::string> args; // each argument's value; not checked for RUN, ENV, LABEL, ARG
  std::vector<std::pair<std::string, std::string>> pairs; // ENV, LABEL, ARG
  std::optional<std::string> command; // RUN: the shell command, continuations joined
};

struct Plan {
  std::vector<std::string> directives; // "syntax=docker/dockerfile:1"
  std::vector<std::string> comments;   // every comment line's text, without the '#'
  std::vector<PlannedInstruction> instructions;
};

} // namespace plinth::render
