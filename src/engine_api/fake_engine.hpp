// SPDX-License-Identifier: Apache-2.0
// The one in-memory engine every test uses: images with labels and tags, builds that count
// calls and can be made to fail, containers with a life cycle (created, running, exited)
// whose output, exec answers and logs a test scripts, and a record of what was asked.
#pragma once

#include "engine_api/ports.hpp"

#include <functional>
#include <map>
#include <mutex>

namespace plinth::engine {

class FakeEngine final : public System, public Images, public Containers {
public:
  // System
  std::string api_version() const override { return "1.41"; }
  std::string endpoint() const override { return "fake://"; }
  Result<Ping> ping() override { return Ping{"1.41", "", "linux", "Docker/fake"}; }
  Result<VersionInfo> version() override;
  Result<Info> info() override;

  // Images
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

  // Containers
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

  // Adds an image directly (e.g. the bootstrapped base); returns its ID.
  std::string add_image(const std::string& reference,
                        std::map<std::string, std::string> labels = {});
  // Adds a container someone else made (not through create_container).
  void add_container(ContainerInfo info);
  bool has_container(std::string_view id_or_name);

  // Scripting.
  std::string fail_build_with; // non-empty: builds fail with this
  std::string fail_start_with; // non-empty: start_container fails with this
  // stdout of a read-back container, from the image it was created from.
  std::function<std::string(const std::string& image)> container_output;
  // Successive stdout answers of exec; the last one repeats.
  std::vector<std::string> exec_outputs;
  // What stream_logs sends, in 7-byte chunks so readers meet lines split anywhere.
  std::string logs;

  // Record.
  int build_calls = 0;
  int push_calls = 0;
  std::vector<BuildRequest> builds;
  std::vector<ContainerSpec> created;
  std::vector<std::string> removed; // container names
  std::vector<int> stop_timeouts;
  std::vector<std::vector<std::string>> execs;

private:
  std::string resolve_image(std::string_view reference) const;
  ContainerInfo* find_container(std::string_view id_or_name);

  std::mutex m_mutex;
  std::map<std::string, ImageInfo> m_images;         // by ID
  std::map<std::string, std::string> m_tags;         // "repo:tag" -> ID
  std::map<std::string, ContainerInfo> m_containers; // by ID
  int m_counter = 0;
};

} // namespace plinth::engine
