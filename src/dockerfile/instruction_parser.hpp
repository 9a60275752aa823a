// SPDX-License-Identifier: Apache-2.0
// One logical line -> one Instruction: keyword, flags, then the per-instruction argument
// grammar of BuildKit's line_parsers.go (JSON-or-shell, words, name=value pairs, ONBUILD).
#pragma once

#include "dockerfile/ast.hpp"
#include "dockerfile/source_map.hpp"
#include "util/diagnostic.hpp"

#include <string>

namespace plinth::dockerfile {

struct ParseSink {
  Diagnostics& diagnostics;
  std::string file;
  void error(Pos p, std::string code, std::string message) const {
    diagnostics.error({file, p.line, p.column}, std::move(code), std::move(message));
  }
  void warning(Pos p, std::string code, std::string message) const {
    diagnostics.warning({file, p.line, p.column}, std::move(code), std::move(message));
  }
};

// Parses line.text()[from..]; `from` is at the keyword.
Instruction parse_instruction(const LogicalLine& line, std::size_t from, char escape,
                              const ParseSink& sink);

} // namespace plinth::dockerfile
