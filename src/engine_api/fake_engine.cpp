// SPDX-License-Identifier: Apache-2.0
#include "engine_api/fake_engine.hpp"

#include "util/sha256.hpp"

#include <algorithm>

namespace plinth::engine {
namespace {

// "key" or "key=value" filters, all of which must match (as the engine's label filter).
bool labels_match(const std::vector<std::string>& filters,
                  const std::map<std::string, std::string>& labels) {
  return std::all_of(filters.begin(), filters.end(), [&](const std::string& f) {
    const auto eq = f.find('=');
    const auto it = labels.find(f.substr(0, eq));
    return it != labels.end() && (eq == std::string::npos || it->second == f.substr(eq + 1));
  });
}

} // namespace

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

std::string FakeEngine::resolve_image(std::string_view reference) const {
  std::string id(reference);
  if (auto t = m_tags.find(id); t != m_tags.end()) {
    id = t->second;
  }
  return id;
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
  auto it = m_images.find(resolve_image(reference));
  if (it == m_images.end()) {
    return std::optional<ImageInfo>{};
  }
  return std::optional<ImageInfo>(it->second);
}

Result<std::vector<ImageSummary>> FakeEngine::list_images(const ImageFilter& filter) {
  std::lock_guard lock(m_mutex);
  std::vector<ImageSummary> out;
  for (const auto& [id, info] : m_images) {
    if (labels_match(filter.labels, info.labels)) {
      out.push_back(ImageSummary{id, info.repo_tags, info.repo_digests, 0, info.size, info.labels});
    }
  }
  return out;
}

Result<void> FakeEngine::tag(std::string_view image, std::string_view repository,
                             std::string_view tag) {
  std::lock_guard lock(m_mutex);
  const auto id = resolve_image(image);
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

ContainerInfo* FakeEngine::find_container(std::string_view id_or_name) {
  for (auto& [id, c] : m_containers) {
    if (id == id_or_name || c.name == id_or_name) {
      return &c;
    }
  }
  return nullptr;
}

void FakeEngine::add_container(ContainerInfo info) {
  std::lock_guard lock(m_mutex);
  m_containers[info.id] = std::move(info);
}

bool FakeEngine::has_container(std::string_view id_or_name) {
  std::lock_guard lock(m_mutex);
  return find_container(id_or_name) != nullptr;
}

Result<std::string> FakeEngine::create_container(const ContainerSpec& spec) {
  std::lock_guard lock(m_mutex);
  if (!spec.name.empty() && find_container(spec.name) != nullptr) {
    return fail(Errc::conflict,
                "Conflict. The container name \"/" + spec.name + "\" is already in use");
  }
  created.push_back(spec);
  ContainerInfo c;
  c.id = "c" + std::to_string(++m_counter);
  c.name = spec.name.empty() ? c.id : spec.name;
  c.image = spec.image;
  c.status = "created";
  c.labels = spec.labels;
  c.ports = spec.host.ports;
  m_containers[c.id] = c;
  return c.id;
}

Result<void> FakeEngine::start_container(std::string_view id) {
  std::lock_guard lock(m_mutex);
  auto* c = find_container(id);
  if (c == nullptr) {
    return fail(Errc::not_found, "No such container: " + std::string(id));
  }
  if (!fail_start_with.empty()) {
    return fail(Errc::internal, fail_start_with);
  }
  c->running = true;
  c->status = "running";
  return {};
}

Result<WaitResult> FakeEngine::wait_container(std::string_view id) {
  std::lock_guard lock(m_mutex);
  if (auto* c = find_container(id)) {
    c->running = false;
    c->status = "exited";
  }
  return WaitResult{0, ""};
}

Result<Logs> FakeEngine::container_logs(std::string_view id) {
  std::string image;
  {
    std::lock_guard lock(m_mutex);
    if (auto* c = find_container(id)) {
      image = c->image;
    }
  }
  return Logs{container_output ? container_output(image) : std::string("{}"), ""};
}

Result<void> FakeEngine::remove_container(std::string_view id, bool) {
  std::lock_guard lock(m_mutex);
  for (auto it = m_containers.begin(); it != m_containers.end(); ++it) {
    if (it->first == id || it->second.name == id) {
      removed.push_back(it->second.name);
      m_containers.erase(it);
      return {};
    }
  }
  return {}; // like DELETE answering 404: already gone
}

Result<void> FakeEngine::stop_container(std::string_view id, int timeout_s) {
  std::lock_guard lock(m_mutex);
  stop_timeouts.push_back(timeout_s);
  auto* c = find_container(id);
  if (c == nullptr) {
    return fail(Errc::not_found, "No such container: " + std::string(id));
  }
  c->running = false;
  c->status = "exited";
  return {};
}

Result<std::optional<ContainerInfo>> FakeEngine::inspect_container(std::string_view id_or_name) {
  std::lock_guard lock(m_mutex);
  auto* c = find_container(id_or_name);
  return c == nullptr ? std::optional<ContainerInfo>{} : std::optional<ContainerInfo>(*c);
}

Result<std::vector<ContainerSummary>> FakeEngine::list_containers(const ContainerFilter& filter) {
  std::lock_guard lock(m_mutex);
  std::vector<ContainerSummary> out;
  for (const auto& [id, c] : m_containers) {
    const bool name_ok =
        filter.names.empty() ||
        std::any_of(filter.names.begin(), filter.names.end(),
                    [&](const std::string& n) { return c.name.find(n) != std::string::npos; });
    if ((filter.all || c.running) && name_ok && labels_match(filter.labels, c.labels)) {
      out.push_back({id, c.name, c.image, c.status, c.running ? "Up" : "Exited", c.labels});
    }
  }
  return out;
}

Result<ExecResult> FakeEngine::exec(std::string_view id, const ExecSpec& spec) {
  ExecResult r;
  {
    std::lock_guard lock(m_mutex);
    auto* c = find_container(id);
    if (c == nullptr || !c->running) {
      return fail(Errc::conflict, "Container " + std::string(id) + " is not running");
    }
    execs.push_back(spec.cmd);
    if (!exec_outputs.empty()) {
      r.out = exec_outputs.front();
      if (exec_outputs.size() > 1) {
        exec_outputs.erase(exec_outputs.begin());
      }
    }
  }
  if (spec.sink) {
    spec.sink(1, r.out);
    r.out.clear();
  }
  return r;
}

Result<void> FakeEngine::stream_logs(std::string_view id, const LogOptions&,
                                     const OutputSink& sink) {
  if (!has_container(id)) {
    return fail(Errc::not_found, "No such container: " + std::string(id));
  }
  for (std::size_t at = 0; at < logs.size(); at += 7) {
    sink(1, std::string_view(logs).substr(at, 7));
  }
  return {};
}

} // namespace plinth::engine
