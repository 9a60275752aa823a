// SPDX-License-Identifier: Apache-2.0
// Inline ignores: `# plinth-lint ignore=PL2003,PL4001 [reason]` in the comment block directly
// above an instruction, and `# plinth-lint global ignore=…` anywhere for the whole file.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plinth::lint {

struct Pragma {
  bool global = false;
  std::vector<std::string> ids;
};

// `comment` is the text after '#', leading blanks trimmed or not.
std::optional<Pragma> parse_pragma(std::string_view comment);

} // namespace plinth::lint
