// SPDX-License-Identifier: Apache-2.0
#include "engine/docker_engine.hpp"

#include "engine/json.hpp"
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

Result<Ping> DockerEngine::ping() {
  return raw_ping(*m_transport, m_endpoint);
}

Result<VersionInfo> DockerEngine::version() {
  http::Request req;
  req.url = url("/version");
  req.timeout_s = 30;
  auto r = expect(std::move(req));
  if (!r) {
    return fail(std::move(r.error()));
  }
  return parse_version(r->body);
}

Result<Info> DockerEngine::info() {
  http::Request req;
  req.url = url("/info");
  req.timeout_s = 60;
  auto r = expect(std::move(req));
  if (!r) {
    return fail(std::move(r.error()));
  }
  return parse_info(r->body);
}

Result<BuildResult> DockerEngine::build(const BuildRequest& request, const StreamSink& sink) {
  http::Request req;
  req.method = "POST";
  req.url = url("/build?" + build_query(request));
  req.headers = {{"Content-Type", "application/x-tar"}};
  req.body = request.context_tar;
  StreamDecoder decoder(sink);
  PLINTH_TRY(stream(std::move(req), decoder, "building"));
  if (decoder.image_id().empty()) {
    return fail(Errc::protocol, "the engine finished the build without reporting an image ID");
  }
  return BuildResult{decoder.image_id()};
}

Result<std::optional<ImageInfo>> DockerEngine::inspect_image(std::string_view reference) {
  http::Request req;
  req.url = url("/images/" + http::url_encode(reference) + "/json");
  req.timeout_s = 60;
  auto r = expect(std::move(req), {404});
  if (!r) {
    return fail(std::move(r.error()));
  }
  if (r->status == 404) {
    return std::optional<ImageInfo>{};
  }
  auto info = parse_image_inspect(r->body);
  if (!info) {
    return fail(std::move(info.error()));
  }
  return std::optional<ImageInfo>(std::move(*info));
}

Result<std::vector<ImageSummary>> DockerEngine::list_images(const ImageFilter& filter) {
  http::Request req;
  req.url = url("/images/json?" + image_list_query(filter));
  req.timeout_s = 60;
  auto r = expect(std::move(req));
  if (!r) {
    return fail(std::move(r.error()));
  }
  return parse_image_list(r->body);
}

Result<void> DockerEngine::tag(std::string_view image, std::string_view repository,
                               std::string_view tag) {
  http::Request req;
  req.method = "POST";
  req.url = url("/images/" + http::url_encode(image) + "/tag?repo=" + http::url_encode(repository) +
                "&tag=" + http::url_encode(tag));
  req.timeout_s = 60;
  auto r = expect(std::move(req));
  if (!r) {
    return fail(std::move(r.error()));
  }
  return {};
}

Result<PushResult> DockerEngine::push(std::string_view repository, std::string_view tag,
                                      const RegistryAuth& auth, const StreamSink& sink) {
  http::Request req;
  req.method = "POST";
  req.url = url("/images/" + http::url_encode(repository) + "/push?tag=" + http::url_encode(tag));
  req.headers = {{"X-Registry-Auth", registry_auth_header(auth)}};
  StreamDecoder decoder(sink);
  PLINTH_TRY(stream(std::move(req), decoder,
                    "pushing " + std::string(repository) + ":" + std::string(tag)));
  if (decoder.digest().empty()) {
    return fail(Errc::protocol,
                "the engine finished pushing without reporting the manifest digest");
  }
  return PushResult{decoder.digest(), decoder.size()};
}

Result<std::string> DockerEngine::import_image(const std::filesystem::path& tarball,
                                               std::string_view repository, std::string_view tag,
                                               const std::vector<std::string>& changes,
                                               const StreamSink& sink) {
  std::string q = "/images/create?fromSrc=-&repo=" + http::url_encode(repository) +
                  "&tag=" + http::url_encode(tag);
  for (const auto& c : changes) {
    q += "&changes=" + http::url_encode(c);
  }
  http::Request req;
  req.method = "POST";
  req.url = url(q);
  req.headers = {{"Content-Type", "application/x-tar"}};
  req.body_file = tarball;
  std::string id;
  StreamSink capture = [&](const StreamMessage& m) {
    if (m.status.rfind("sha256:", 0) == 0) {
      id = m.status; // import reports the new image ID as a status line
    }
    if (sink) {
      sink(m);
    }
  };
  StreamDecoder capturing(capture);
  PLINTH_TRY(stream(std::move(req), capturing, "importing " + tarball.string()));
  if (id.empty()) {
    return fail(Errc::protocol, "the engine finished the import without reporting the image ID");
  }
  return id;
}

Result<void> DockerEngine::remove_image(std::string_view reference, bool force) {
  http::Request req;
  req.method = "DELETE";
  req.url = url("/images/" + http::url_encode(reference) + (force ? "?force=1" : ""));
  req.timeout_s = 120;
  auto r = expect(std::move(req));
  if (!r) {
    return fail(std::move(r.error()));
  }
  return {};
}

} // namespace plinth::engine
