// SPDX-License-Identifier: Apache-2.0
// DockerEngine, images resource.
#include "engine/docker_engine.hpp"

#include "http/message.hpp"

namespace plinth::engine {

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
  return inspect("/images/" + http::url_encode(reference) + "/json", parse_image_inspect);
}

Result<std::vector<ImageSummary>> DockerEngine::list_images(const ImageFilter& filter) {
  return get("/images/json?" + image_list_query(filter), parse_image_list);
}

Result<void> DockerEngine::tag(std::string_view image, std::string_view repository,
                               std::string_view tag) {
  http::Request req;
  req.method = "POST";
  req.url = url("/images/" + http::url_encode(image) + "/tag?repo=" + http::url_encode(repository) +
                "&tag=" + http::url_encode(tag));
  req.timeout_s = 60;
  PLINTH_TRY(expect(std::move(req)));
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
  PLINTH_TRY(expect(std::move(req)));
  return {};
}

} // namespace plinth::engine
