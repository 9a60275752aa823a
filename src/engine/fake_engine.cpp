// SPDX-License-Identifier: Apache-2.0
#include "engine/fake_engine.hpp"

#include "util/sha256.hpp"

namespace plinth::engine {

Result<VersionInfo> FakeEngine::version() {
  VersionInfo v;
  v.version = "fake";
  v.api_version = "1.41";
  return v;
}

Result<Info> FakeEngine::info() {
  Info i;
  i.server_version = "fake";
  i.runtimes = {"runc"};
  return i;
}

std::string FakeEngine::add_image(const std::string& reference,
                                  std::map<std::string, std::string> labels) {
  std::lock_guard lock(m_mutex);
  ImageInfo info;
  info.id = "sha256:" + sha256_hex(reference + std::to_string(++m_counter));
  info.labels = std::move(labels);
  info.repo_tags = {reference};
  m_images[info.id] = info;
  m_tags[reference] = info.id;
  return info.id;
}

Result<BuildResult> FakeEngine::build(const BuildRequest& request, const StreamSink& sink) {
  std::lock_guard lock(m_mutex);
  ++build_calls;
  builds.push_back(request);
  if (sink) {
    StreamMessage m;
    m.stream = "Step 1/1 : FROM scratch\n";
    sink(m);
  }
  if (!fail_build_with.empty()) {
    return fail(Errc::io, fail_build_with);
  }
  ImageInfo info;
  info.id = "sha256:" + sha256_hex(request.context_tar + std::to_string(++m_counter));
  info.labels = request.labels;
  m_images[info.id] = info;
  return BuildResult{info.id};
}

Result<std::optional<ImageInfo>> FakeEngine::inspect_image(std::string_view reference) {
  std::lock_guard lock(m_mutex);
  std::string id(reference);
  if (auto t = m_tags.find(id); t != m_tags.end()) {
    id = t->second;
  }
  auto it = m_images.find(id);
  if (it == m_images.end()) {
    return std::optional<ImageInfo>{};
  }
  return std::optional<ImageInfo>(it->second);
}

Result<std::vector<ImageSummary>> FakeEngine::list_images(const ImageFilter& filter) {
  std::lock_guard lock(m_mutex);
  std::vector<ImageSummary> out;
  for (const auto& [id, info] : m_images) {
    bool match = true;
    for (const auto& l : filter.labels) {
      const auto eq = l.find('=');
      const auto key = l.substr(0, eq);
      const auto it = info.labels.find(key);
      match = match && it != info.labels.end() &&
              (eq == std::string::npos || it->second == l.substr(eq + 1));
    }
    if (match) {
      out.push_back(ImageSummary{id, info.repo_tags, info.repo_digests, 0, info.size, info.labels});
    }
  }
  return out;
}

Result<void> FakeEngine::tag(std::string_view image, std::string_view repository,
                             std::string_view tag) {
  std::lock_guard lock(m_mutex);
  std::string id(image);
  if (auto t = m_tags.find(id); t != m_tags.end()) {
    id = t->second;
  }
  if (m_images.find(id) == m_images.end()) {
    return fail(Errc::not_found, "No such image: " + std::string(image));
  }
  const auto ref = std::string(repository) + ":" + std::string(tag);
  m_tags[ref] = id;
  m_images[id].repo_tags.push_back(ref);
  return {};
}

Result<PushResult> FakeEngine::push(std::string_view repository, std::string_view tag,
                                    const RegistryAuth&, const StreamSink&) {
  std::lock_guard lock(m_mutex);
  ++push_calls;
  const auto ref = std::string(repository) + ":" + std::string(tag);
  auto it = m_tags.find(ref);
  if (it == m_tags.end()) {
    return fail(Errc::not_found, "An image does not exist locally with the tag: " + ref);
  }
  const auto digest = "sha256:" + sha256_hex("manifest" + it->second);
  m_images[it->second].repo_digests.push_back(std::string(repository) + "@" + digest);
  return PushResult{digest, 1234};
}

Result<std::string> FakeEngine::import_image(const std::filesystem::path&,
                                             std::string_view repository, std::string_view tag,
                                             const std::vector<std::string>&, const StreamSink&) {
  return add_image(std::string(repository) + ":" + std::string(tag));
}

Result<void> FakeEngine::remove_image(std::string_view reference, bool) {
  std::lock_guard lock(m_mutex);
  m_tags.erase(std::string(reference));
  return {};
}

Result<std::string> FakeEngine::create_container(const ContainerSpec& spec) {
  std::lock_guard lock(m_mutex);
  const auto id = "c" + std::to_string(++m_counter);
  m_containers[id] = spec.image;
  return id;
}

Result<void> FakeEngine::start_container(std::string_view) {
  return {};
}

Result<WaitResult> FakeEngine::wait_container(std::string_view) {
  return WaitResult{0, ""};
}

Result<Logs> FakeEngine::container_logs(std::string_view id) {
  std::string image;
  {
    std::lock_guard lock(m_mutex);
    image = m_containers[std::string(id)];
  }
  return Logs{container_output ? container_output(image) : std::string("{}"), ""};
}

Result<void> FakeEngine::remove_container(std::string_view id, bool) {
  std::lock_guard lock(m_mutex);
  m_containers.erase(std::string(id));
  return {};
}

} // namespace plinth::engine
