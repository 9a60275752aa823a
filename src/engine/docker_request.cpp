// SPDX-License-Identifier: Apache-2.0
// DockerEngine's one way to talk to dockerd: versioned URLs, transport failures explained,
// HTTP errors mapped, JSON-lines progress streams decoded.
#include "engine/docker_engine.hpp"

#include "http/message.hpp"

namespace plinth::engine {

DockerEngine::DockerEngine(std::shared_ptr<http::Transport> transport, Endpoint endpoint,
                           std::string api_version)
    : m_transport(std::move(transport)), m_endpoint(std::move(endpoint)),
      m_api(std::move(api_version)) {}

std::string DockerEngine::url(std::string_view path_and_query) const {
  return m_endpoint.base_url + "/v" + m_api + std::string(path_and_query);
}

Result<http::Response> DockerEngine::send(http::Request request) {
  auto r = m_transport->send(request);
  if (!r) {
    if (r.error().code == Errc::cancelled) {
      return fail(std::move(r.error()));
    }
    return fail(explain_connect_failure(m_endpoint, r.error()));
  }
  return r;
}

Result<http::Response> DockerEngine::expect(http::Request request,
                                            std::initializer_list<long> also_ok) {
  const std::string what = request.method + " " + request.url.substr(m_endpoint.base_url.size());
  auto r = send(std::move(request));
  if (!r) {
    return r;
  }
  if (r->ok()) {
    return r;
  }
  for (const long s : also_ok) {
    if (r->status == s) {
      return r;
    }
  }
  return fail(engine_http_error(r->status, r->body, what));
}

Result<void> DockerEngine::stream(http::Request request, StreamDecoder& decoder,
                                  std::string_view what) {
  request.on_body = [&decoder](std::string_view chunk) {
    decoder.feed(chunk);
    return true;
  };
  auto r = expect(std::move(request));
  if (!r) {
    return fail(std::move(r.error().with_context(std::string(what))));
  }
  decoder.finish();
  if (!decoder.error().empty()) {
    return fail(Error(Errc::io, decoder.error()).with_context(std::string(what)));
  }
  return {};
}

Result<Ping> DockerEngine::raw_ping(http::Transport& transport, const Endpoint& endpoint) {
  http::Request req;
  req.url = endpoint.base_url + "/_ping";
  req.timeout_s = 30;
  auto r = transport.send(req);
  if (!r) {
    return fail(explain_connect_failure(endpoint, r.error()));
  }
  if (!r->ok()) {
    return fail(engine_http_error(r->status, r->body, "GET /_ping"));
  }
  Ping p;
  p.api_version = r->header("Api-Version").value_or("");
  p.builder_version = r->header("Builder-Version").value_or("");
  p.os_type = r->header("Ostype").value_or("");
  p.server = r->header("Server").value_or("");
  return p;
}

} // namespace plinth::engine
