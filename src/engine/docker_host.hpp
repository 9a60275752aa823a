// SPDX-License-Identifier: Apache-2.0
// DOCKER_HOST parsing and API version negotiation (pure).
#pragma once

#include "util/result.hpp"

#include <string>
#include <string_view>

namespace plinth::engine {

inline constexpr std::string_view k_default_host = "unix:///var/run/docker.sock";
// The oldest daemon API Plinth supports (Docker 19.03) and the newest it speaks; the
// request version is min(k_max_api, daemon's Api-Version). Docker 29.0-29.2 refuse < 1.44.
inline constexpr std::string_view k_min_api = "1.40";
inline constexpr std::string_view k_max_api = "1.47";

struct Endpoint {
  std::string unix_socket; // set for unix://
  std::string base_url;    // "http://localhost" for a socket, "http://host:port" for tcp://
  std::string display;     // as given, for messages
};

// unix:///path or tcp://host:port (http); an empty string means the default socket.
Result<Endpoint> parse_docker_host(std::string_view host);

// -1, 0, 1 comparing "1.41"-style versions numerically.
int compare_api_versions(std::string_view a, std::string_view b);

// min(k_max_api, server); an Error (Errc::unavailable) when the server is older than
// k_min_api or did not send a version.
Result<std::string> negotiate_api_version(std::string_view server_api);

} // namespace plinth::engine
