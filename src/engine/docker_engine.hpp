// SPDX-License-Identifier: Apache-2.0
// The Docker engine over HTTP: the three ports of engine_api/ports.hpp, every call one
// request to dockerd (unix socket or TCP) prefixed with the negotiated /vX.Y. Made by
// engine::connect, or over an http::FakeTransport in tests. One file per API resource
// (docker_system, docker_images, docker_containers, docker_exec) around one request helper
// (docker_request).
#pragma once

#include "engine/docker_host.hpp"
#include "engine_api/ports.hpp"
#include "http/logging_transport.hpp"
#include "http/transport.hpp"

#include <memory>

namespace plinth::engine {

class DockerEngine final : public System, public Images, public Containers {
public:
  DockerEngine(std::shared_ptr<http::Transport> transport, Endpoint endpoint,
               std::string api_version);

  std::string api_version() const override { return m_api; }
  std::string endpoint() const override { return m_endpoint.display; }

  Result<Ping> ping() override;
  Result<VersionInfo> version() override;
  Result<Info> info() override;
  Result<BuildResult> build(const BuildRequest& request, const StreamSink& sink) override;
  Result<std::optional<ImageInfo>> inspect_image(std::string_view reference) override;
  Result<std::vector<ImageSummary>> list_images(const ImageFilter& filter) override;
  Result<void> tag(std::string_view image, std::string_view repository,
                   std::string_view tag) override;
  Result<PushResult> push(std::string_view repository, std::string_view tag,
                          const RegistryAuth& auth, const StreamSink& sink) override;
  Result<std::string> import_image(const std::filesystem::path& tarball,
                                   std::string_view repository, std::string_view tag,
                                   const std::vector<std::string>& changes,
                                   const StreamSink& sink) override;
  Result<void> remove_image(std::string_view reference, bool force) override;
  Result<std::string> create_container(const ContainerSpec& spec) override;
  Result<void> start_container(std::string_view id) override;
  Result<WaitResult> wait_container(std::string_view id) override;
  Result<Logs> container_logs(std::string_view id) override;
  Result<void> remove_container(std::string_view id, bool force) override;
  Result<void> stop_container(std::string_view id, int timeout_s) override;
  Result<std::optional<ContainerInfo>> inspect_container(std::string_view id_or_name) override;
  Result<std::vector<ContainerSummary>> list_containers(const ContainerFilter& filter) override;
  Result<ExecResult> exec(std::string_view id, const ExecSpec& spec) override;
  Result<void> stream_logs(std::string_view id, const LogOptions& options,
                           const OutputSink& sink) override;

  // Unversioned GET /_ping, used before negotiation.
  static Result<Ping> raw_ping(http::Transport& transport, const Endpoint& endpoint);

private:
  std::string url(std::string_view path_and_query) const;
  Result<http::Response> send(http::Request request);
  // The response when its status is 2xx (or one of `also_ok`), else an Error from its body.
  Result<http::Response> expect(http::Request request, std::initializer_list<long> also_ok = {});
  // GET `path`; the body through `parse`.
  template <typename T>
  Result<T> get(const std::string& path, Result<T> (*parse)(std::string_view body),
                long timeout_s = 60) {
    http::Request req;
    req.url = url(path);
    req.timeout_s = timeout_s;
    PLINTH_TRY_ASSIGN(auto r, expect(std::move(req)));
    return parse(r.body);
  }
  // GET `path` (an inspect endpoint): nullopt on 404, else the body through `parse`.
  template <typename T>
  Result<std::optional<T>> inspect(const std::string& path,
                                   Result<T> (*parse)(std::string_view body)) {
    http::Request req;
    req.url = url(path);
    req.timeout_s = 60;
    PLINTH_TRY_ASSIGN(auto r, expect(std::move(req), {404}));
    if (r.status == 404) {
      return std::optional<T>{};
    }
    PLINTH_TRY_ASSIGN(auto value, parse(r.body));
    return std::optional<T>(std::move(value));
  }
  // Streams a JSON-lines response into `decoder`; an Error for HTTP errors or an in-stream
  // error message.
  Result<void> stream(http::Request request, StreamDecoder& decoder, std::string_view what);

  std::shared_ptr<http::Transport> m_transport;
  Endpoint m_endpoint;
  std::string m_api;
};

// Maps a transport failure to a message that says what to do (start the daemon, fix the
// socket's permissions).
Error explain_connect_failure(const Endpoint& endpoint, const Error& error);
// Maps an HTTP error response of the engine to an Error with a fitting Errc.
Error engine_http_error(long status, std::string_view body, std::string_view what);

struct ConnectOptions {
  std::string host; // empty: $DOCKER_HOST, else unix:///var/run/docker.sock
  http::LogFn log;  // optional: every exchange, secrets redacted
};

// Pings the daemon and negotiates the API version. Errors say what to do: the engine is
// not running (Errc::unavailable), the socket is not accessible (Errc::unauthorized), the
// daemon's API is too old (Errc::unavailable).
Result<std::unique_ptr<DockerEngine>> connect(const ConnectOptions& options = {});

} // namespace plinth::engine
