// SPDX-License-Identifier: Apache-2.0
// Parser directives (`# syntax=`, `# escape=`, `# check=`): only at the very top of the file;
// scanning stops at the first line that is not a known directive.
#pragma once

#include "dockerfile/ast.hpp"
#include "dockerfile/instruction_parser.hpp"
#include "dockerfile/source_map.hpp"

#include <optional>
#include <vector>

namespace plinth::dockerfile {

struct DirectiveMatch {
  std::string key; // lower-case
  std::string value;
  std::size_t column; // 1-based column of '#'
};

// `# key = value` (key alphanumeric), or nullopt.
std::optional<DirectiveMatch> match_directive(std::string_view line);

// Reads the directives at the top of `lines` into df (sets df.escape); returns the index of
// the first line that is not a directive.
std::size_t read_directives(const std::vector<PhysicalLine>& lines, Dockerfile& df,
                            const ParseSink& sink);

} // namespace plinth::dockerfile
