// SPDX-License-Identifier: Apache-2.0
// DockerEngine, system resource: /_ping, /version, /info.
#include "engine/docker_engine.hpp"

#include "http/message.hpp"

namespace plinth::engine {

Result<Ping> DockerEngine::ping() {
  return raw_ping(*m_transport, m_endpoint);
}

Result<VersionInfo> DockerEngine::version() {
  http::Request req;
  req.url = url("/version");
  req.timeout_s = 30;
  PLINTH_TRY_ASSIGN(auto r, expect(std::move(req)));
  return parse_version(r.body);
}

Result<Info> DockerEngine::info() {
  http::Request req;
  req.url = url("/info");
  req.timeout_s = 60;
  PLINTH_TRY_ASSIGN(auto r, expect(std::move(req)));
  return parse_info(r.body);
}

} // namespace plinth::engine
