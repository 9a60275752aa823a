// SPDX-License-Identifier: Apache-2.0
// The Docker engine as the use cases see it: three narrow ports, one per API resource
// group, so each use case names only what it calls. engine::DockerEngine (src/engine)
// implements them over HTTP; engine::FakeEngine (fake_engine.hpp) in memory for tests.
#pragma once

#include "engine_api/containers.hpp"
#include "engine_api/exec.hpp"
#include "engine_api/images.hpp"
#include "engine_api/stream.hpp"
#include "engine_api/system.hpp"
#include "util/result.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plinth::engine {

// GET /_ping, /version, /info: who the daemon is and what it can do.
class System {
public:
  virtual ~System() = default;
  // The API version requests use ("1.41"), negotiated at connect().
  virtual std::string api_version() const = 0;
  // Where the daemon is: "unix:///var/run/docker.sock".
  virtual std::string endpoint() const = 0;
  virtual Result<Ping> ping() = 0;
  virtual Result<VersionInfo> version() = 0;
  virtual Result<Info> info() = 0;
};

class Images {
public:
  virtual ~Images() = default;
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
};

class Containers {
public:
  virtual ~Containers() = default;
  virtual Result<std::string> create_container(const ContainerSpec& spec) = 0; // the id
  virtual Result<void> start_container(std::string_view id) = 0;
  virtual Result<WaitResult> wait_container(std::string_view id) = 0;
  // The whole output of a stopped container, demultiplexed.
  virtual Result<Logs> container_logs(std::string_view id) = 0;
  virtual Result<void> remove_container(std::string_view id, bool force) = 0;
  // POST /containers/{id}/stop?t=: SIGTERM (the image's StopSignal), SIGKILL after timeout_s.
  virtual Result<void> stop_container(std::string_view id, int timeout_s) = 0;
  // nullopt when no such container.
  virtual Result<std::optional<ContainerInfo>> inspect_container(std::string_view id_or_name) = 0;
  virtual Result<std::vector<ContainerSummary>> list_containers(const ContainerFilter& filter) = 0;
  // Runs a command in a running container (exec create + start + inspect), without a TTY.
  virtual Result<ExecResult> exec(std::string_view id, const ExecSpec& spec) = 0;
  // Container output (demultiplexed) into `sink`; with options.follow it returns when the
  // container stops.
  virtual Result<void> stream_logs(std::string_view id, const LogOptions& options,
                                   const OutputSink& sink) = 0;
};

// Create, start, wait for and remove a container; its exit code and output.
struct RunOutput {
  std::int64_t exit_code = 0;
  std::string out;
  std::string err;
};
Result<RunOutput> run_to_completion(Containers& containers, const ContainerSpec& spec);

} // namespace plinth::engine
