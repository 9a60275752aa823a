// SPDX-License-Identifier: Apache-2.0
// The RUN that installs code-server from npm, with the one Node major its release needs.
#pragma once

#include "render/dockerfile_writer.hpp"
#include "render/render.hpp"

#include <string>

namespace plinth::render {

// Writes the comment and RUN that install code-server `version` (a release `plinth check`
// accepted) into /usr/local/lib/code-server with Node in /opt/node, leaving no build-only
// package in the layer. Needs the image's Python (pip).
void code_server_install(DockerfileWriter& w, const std::string& version, Flavour flavour);

// Where Node lives in an image with code-server (a link to the wheel's distribution), and
// the environment it needs: Node's own CA list lacks the system's extra CAs.
inline constexpr const char* k_node_dir = "/opt/node";
inline constexpr const char* k_node_ca_env_name = "NODE_EXTRA_CA_CERTS";
inline constexpr const char* k_node_ca_env_value = "/etc/ssl/certs/ca-certificates.crt";

} // namespace plinth::render
