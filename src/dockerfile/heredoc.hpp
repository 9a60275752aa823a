// SPDX-License-Identifier: Apache-2.0
// Here-documents (BuildKit parser.go heredocsFromLine): `<<EOF`, `<<-EOF`, `3<<EOF`,
// quoted delimiters (no expansion), several per instruction, bodies read in order.
#pragma once

#include "dockerfile/ast.hpp"
#include "dockerfile/instruction_parser.hpp"
#include "dockerfile/source_map.hpp"

#include <vector>

namespace plinth::dockerfile {

// Finds heredoc markers in the shell words of line.text()[from..] and appends them (without
// bodies) to inst.heredocs.
void detect_heredocs(const LogicalLine& line, std::size_t from, char escape, Instruction& inst);

// Reads the bodies of inst's heredocs (and its ONBUILD trigger's) from lines[next..];
// returns the index of the first line after the last terminator.
std::size_t read_heredoc_bodies(const std::vector<PhysicalLine>& lines, std::size_t next,
                                Instruction& inst, const ParseSink& sink);

} // namespace plinth::dockerfile
