// SPDX-License-Identifier: Apache-2.0
// In-memory Engine for tests: images with labels and tags, builds that count calls and
// can be made to fail, containers whose output a test scripts.
#pragma once

#include "engine/engine.hpp"

#include <functional>
#include <map>
#include <mutex>

namespace plinth::engine {

class FakeEngine final : public Engine {
public:
  std::string api_version() const override { return "1.41"; }
  std::string endpoint() const override { return "fake://"; }

  Result<Ping> ping() override { return Ping{"1.41", "", "linux", "Docker/fake"}; }
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

  // Adds an image directly (e.g. the bootstrapped base); returns its ID.
  std::string add_image(const std::string& reference,
                        std::map<std::string, std::string> labels = {});

  int build_calls = 0;
  int push_calls = 0;
  std::string fail_build_with; // non-empty: builds fail with this
  std::function<std::string(const std::string& image_id)>
      container_output; // stdout of any container
  std::vector<BuildRequest> builds;

private:
  std::mutex m_mutex;
  std::map<std::string, ImageInfo> m_images;       // by ID
  std::map<std::string, std::string> m_tags;       // "repo:tag" -> ID
  std::map<std::string, std::string> m_containers; // container ID -> image ID
  int m_counter = 0;
};

} // namespace plinth::engine
