// SPDX-License-Identifier: Apache-2.0
// The Dockerfile parser (BuildKit frontend grammar): directives, comments, continuations,
// heredocs and instructions, with positions. Pure: takes text, returns AST + diagnostics.
#pragma once

#include "dockerfile/ast.hpp"
#include "util/diagnostic.hpp"

#include <string_view>

namespace plinth::dockerfile {

struct ParseResult {
  Dockerfile dockerfile;
  Diagnostics diagnostics; // errors and warnings, positioned in `file`
};

ParseResult parse(std::string_view source, std::string_view file = "Dockerfile");

} // namespace plinth::dockerfile
