// SPDX-License-Identifier: Apache-2.0
// The Docker Engine API, narrowed to what Plinth uses. DockerEngine talks to dockerd over
// its unix socket or TCP (DOCKER_HOST); tests use engine::FakeEngine. The API version is
// negotiated from GET /_ping (never fixed), see docs/build.md.
#pragma once

#include "engine/types.hpp"
#include "http/logging_transport.hpp"
#include "util/result.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace plinth::engine {

class Engine {
public:
  virtual ~Engine() = default;

  // The API version requests use ("1.41"), negotiated at connect().
  virtual std::string api_version() const = 0;
  // Where the daemon is: "unix:///var/run/docker.sock".
  virtual std::string endpoint() const = 0;

  virtual Result<Ping> ping() = 0;
  virtual Result<VersionInfo> version() = 0;
  virtual Result<Info> info() = 0;

  // Classic builder (POST /build). A failed build answers HTTP 200 with the error in the
  // stream: it is returned as an Error whose message is the stream's errorDetail.
  virtual Result<BuildResult> build(const BuildRequest& request, const StreamSink& sink) = 0;
  // nullopt when the image does not exist.
  virtual Result<std::optional<ImageInfo>> inspect_image(std::string_view reference) = 0;
  virtual Result<std::vector<ImageSummary>> list_images(const ImageFilter& filter) = 0;
  virtual Result<void> tag(std::string_view image, std::string_view repository,
                           std::string_view tag) = 0;
  virtual Result<PushResult> push(std::string_view repository, std::string_view tag,
                                  const RegistryAuth& auth, const StreamSink& sink) = 0;
  // POST /images/create?fromSrc=- with a root filesystem tarball; returns the image ID.
  virtual Result<std::string> import_image(const std::filesystem::path& tarball,
                                           std::string_view repository, std::string_view tag,
                                           const std::vector<std::string>& changes,
                                           const StreamSink& sink) = 0;
  virtual Result<void> remove_image(std::string_view reference, bool force) = 0;

  // Containers, used to read back what an image really contains.
  virtual Result<std::string> create_container(const ContainerSpec& spec) = 0; // returns the id
  virtual Result<void> start_container(std::string_view id) = 0;
  virtual Result<WaitResult> wait_container(std::string_view id) = 0;
  virtual Result<Logs> container_logs(std::string_view id) = 0;
  virtual Result<void> remove_container(std::string_view id, bool force) = 0;

  // Workstations (plinth up/down/status/logs/exec), src/engine/docker_workstation.cpp.
  // The defaults fail with Errc::internal, so test doubles implement only what they need.
  // POST /containers/{id}/stop?t=: SIGTERM (the image's StopSignal), SIGKILL after timeout_s.
  virtual Result<void> stop_container(std::string_view id, int timeout_s);
  // nullopt when no such container.
  virtual Result<std::optional<ContainerInfo>> inspect_container(std::string_view id_or_name);
  virtual Result<std::vector<ContainerSummary>> list_containers(const ContainerFilter& filter);
  // Runs a command in a running container (exec create + start + inspect), without a TTY.
  virtual Result<ExecResult> exec(std::string_view id, const ExecSpec& spec);
  // Container output (demultiplexed) into `sink`; with options.follow it returns when the
  // container stops.
  virtual Result<void> stream_logs(std::string_view id, const LogOptions& options,
                                   const OutputSink& sink);
};

struct ConnectOptions {
  std::string host; // empty: $DOCKER_HOST, else unix:///var/run/docker.sock
  http::LogFn log;  // optional: every exchange, secrets redacted
};

// Pings the daemon and negotiates the API version. Errors say what to do: the engine is
// not running (Errc::unavailable), the socket is not accessible (Errc::unauthorized), the
// daemon's API is too old (Errc::unavailable).
Result<std::unique_ptr<Engine>> connect(const ConnectOptions& options = {});

// Create, start, wait for and remove a container; returns its exit code and output.
struct RunOutput {
  std::int64_t exit_code = 0;
  std::string out;
  std::string err;
};
Result<RunOutput> run_to_completion(Engine& engine, const ContainerSpec& spec);

} // namespace plinth::engine
