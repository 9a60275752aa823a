// SPDX-License-Identifier: Apache-2.0
#include "engine/docker_host.hpp"

#include <charconv>

namespace plinth::engine {
namespace {

std::pair<int, int> split_version(std::string_view v) {
  int major = 0;
  int minor = 0;
  const auto dot = v.find('.');
  const auto head = v.substr(0, dot);
  std::from_chars(head.data(), head.data() + head.size(), major);
  if (dot != std::string_view::npos) {
    const auto tail = v.substr(dot + 1);
    std::from_chars(tail.data(), tail.data() + tail.size(), minor);
  }
  return {major, minor};
}

} // namespace

Result<Endpoint> parse_docker_host(std::string_view host) {
  if (host.empty()) {
    host = k_default_host;
  }
  Endpoint e;
  e.display = std::string(host);
  if (host.rfind("unix://", 0) == 0) {
    e.unix_socket = std::string(host.substr(7));
    if (e.unix_socket.empty()) {
      return fail(Errc::invalid_input, "DOCKER_HOST '" + e.display + "' has no socket path");
    }
    e.base_url = "http://localhost";
    return e;
  }
  if (host.rfind("tcp://", 0) == 0 || host.rfind("http://", 0) == 0) {
    auto rest = host.substr(host.find("://") + 3);
    while (!rest.empty() && rest.back() == '/') {
      rest.remove_suffix(1);
    }
    if (rest.empty()) {
      return fail(Errc::invalid_input, "DOCKER_HOST '" + e.display + "' has no host");
    }
    if (rest.find(':') == std::string_view::npos) {
      e.base_url = "http://" + std::string(rest) + ":2375";
    } else {
      e.base_url = "http://" + std::string(rest);
    }
    return e;
  }
  return fail(Errc::invalid_input,
              "DOCKER_HOST '" + e.display +
                  "' is not supported: use unix:///path/to/docker.sock or tcp://host:port");
}

int compare_api_versions(std::string_view a, std::string_view b) {
  const auto va = split_version(a);
  const auto vb = split_version(b);
  if (va == vb) {
    return 0;
  }
  return va < vb ? -1 : 1;
}

Result<std::string> negotiate_api_version(std::string_view server_api) {
  if (server_api.empty()) {
    return fail(
        Errc::protocol,
        "the engine did not send an Api-Version header on /_ping (is this a Docker engine?)");
  }
  if (compare_api_versions(server_api, k_min_api) < 0) {
    return fail(Errc::unavailable, "the engine's API version " + std::string(server_api) +
                                       " is too old: Plinth needs " + std::string(k_min_api) +
                                       " or newer (Docker 19.03+); upgrade the Docker engine");
  }
  if (compare_api_versions(server_api, k_max_api) > 0) {
    return std::string(k_max_api);
  }
  return std::string(server_api);
}

} // namespace plinth::engine
