// SPDX-License-Identifier: Apache-2.0
#include "compat/code_server.hpp"

namespace plinth::compat {

std::optional<CodeServerNode> code_server_node(const Db& db, const Version& code_server) {
  const auto minor = code_server.truncated(2);
  for (const auto& row : db.code_server_releases()) {
    if (code_server >= row.first && minor <= row.last_minor) {
      return CodeServerNode{row.node_major, row.node_version};
    }
  }
  return std::nullopt;
}

std::string code_server_known_range(const Db& db) {
  const auto& rows = db.code_server_releases();
  if (rows.empty()) return "none";
  return rows.front().first.str() + " to " + rows.back().last_minor.str() + ".x";
}

std::optional<CodeServerNode> code_server_node(const Version& code_server) {
  return code_server_node(Db::builtin(), code_server);
}

std::string code_server_known_range() {
  return code_server_known_range(Db::builtin());
}

} // namespace plinth::compat
