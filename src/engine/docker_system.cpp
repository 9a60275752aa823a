// SPDX-License-Identifier: Apache-2.0
// DockerEngine, system resource: /_ping, /version, /info.
#include "engine/docker_engine.hpp"

#include "http/message.hpp"

namespace plinth::engine {

Result<Ping> DockerEngine::ping() {
  return raw_ping(*m_transport, m_endpoint);
}

Result<VersionInfo> DockerEngine::version() {
  return get("/version", parse_version, 30);
}

Result<Info> DockerEngine::info() {
  return get("/info", parse_info);
}

} // namespace plinth::engine
