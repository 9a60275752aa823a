// SPDX-License-Identifier: Apache-2.0
// Engine section: reachability, API version, builder, storage driver, cgroups as the
// engine sees them, GPU container support and free space under the data root.
#include "doctor/diagnose.hpp"
#include "doctor/text.hpp"

namespace plinth::doctor {
namespace {

constexpr const char* k_engine_section = "engine";

std::string socket_path(const EngineFacts& e) {
  constexpr std::string_view k_unix = "unix://";
  return text::starts_with(e.endpoint, k_unix) ? e.endpoint.substr(k_unix.size()) : e.endpoint;
}

Check reach_check(const EngineFacts& e) {
  const std::string title = "Engine reachable";
  const auto sock = socket_path(e);
  switch (e.reach) {
  case EngineReach::ok: {
    auto c = ok_check("engine.reachable", k_engine_section, title,
                      "Docker Engine " + e.server_version + " at " + e.endpoint);
    if (!e.operating_system.empty()) {
      c.details.push_back(e.operating_system + ", kernel " + e.kernel_version + ", " + e.arch);
    }
    if (e.rootless) {
      c.details.push_back("rootless engine");
    }
    return c;
  }
  case EngineReach::socket_missing:
    return fail_check("engine.reachable", k_engine_section, title,
                      "no engine socket at " + sock +
                          ": dockerd is not running (or listens elsewhere)",
                      "start it (`sudo systemctl start docker`, or `dockerd &`); if it listens "
                      "elsewhere set DOCKER_HOST=unix:///path/to/docker.sock");
  case EngineReach::permission_denied:
    return fail_check("engine.reachable", k_engine_section, title,
                      "permission denied on " + sock + ": this user may not use the engine",
                      "add the user to the docker group (`sudo usermod -aG docker $USER`, then log "
                      "in again), or use rootless Docker and its DOCKER_HOST");
  case EngineReach::not_answering:
    return fail_check("engine.reachable", k_engine_section, title,
                      sock + " exists but the engine does not answer: " + e.error,
                      "dockerd is stopped or hung: `sudo systemctl restart docker`, then read "
                      "`journalctl -u docker`");
  case EngineReach::error:
  case EngineReach::not_probed: break;
  }
  return fail_check("engine.reachable", k_engine_section, title,
                    "the engine answered with an error: " + e.error,
                    "read `journalctl -u docker` for the daemon's side");
}

std::optional<Check> api_check(const EngineFacts& e) {
  const auto api = Version::parse(e.api_version);
  if (!api) {
    return std::nullopt;
  }
  const auto min = *Version::parse(k_min_engine_api);
  if (*api < min) {
    return fail_check("engine.api", k_engine_section, "Engine API",
                      "API " + e.api_version + " is older than " + k_min_engine_api +
                          " (Docker 19.03), the oldest plinth speaks",
                      "upgrade Docker Engine (20.10 or newer)");
  }
  auto c = ok_check(
      "engine.api", k_engine_section, "Engine API",
      "API " + e.api_version +
          (e.min_api_version.empty() ? "" : " (accepts " + e.min_api_version + " and newer)"));
  return c;
}

Check builder_check(const EngineFacts& e) {
  std::string summary;
  if (e.builder_version == "2") {
    summary = "BuildKit is the engine's default builder";
  } else if (e.builder_version == "1") {
    summary = "the classic builder is the engine's default (BuildKit not default)";
  } else {
    summary =
        "the engine does not advertise a builder (Docker before 23.0: classic builder by default)";
  }
  return ok_check("engine.builder", k_engine_section, "Builder", summary);
}

std::optional<Check> storage_check(const EngineFacts& e) {
  const auto& d = e.storage_driver;
  if (d.empty()) {
    return std::nullopt;
  }
  if (d == "vfs") {
    return warn_check(
        "engine.storage", k_engine_section, "Storage driver",
        "vfs copies every layer in full: ML images (GBs each) will be slow and huge",
        "use overlay2: set \"storage-driver\": \"overlay2\" in /etc/docker/daemon.json "
        "(on a file system with d_type support) and restart dockerd");
  }
  if (d == "devicemapper" || d == "aufs" || d == "overlay") {
    return warn_check(
        "engine.storage", k_engine_section, "Storage driver",
        d + " is deprecated and removed from current Docker releases",
        "migrate to overlay2 (save images first: switching drivers hides existing ones)");
  }
  return ok_check("engine.storage", k_engine_section, "Storage driver", d);
}

std::optional<Check> engine_cgroup_check(const HostFacts& host) {
  const auto& e = host.engine;
  if (e.cgroup_version.empty() && e.cgroup_driver.empty()) {
    return std::nullopt;
  }
  auto c = ok_check("engine.cgroup", k_engine_section, "Engine cgroups",
                    "cgroup v" + (e.cgroup_version.empty() ? std::string("?") : e.cgroup_version) +
                        ", " + (e.cgroup_driver.empty() ? std::string("?") : e.cgroup_driver) +
                        " driver");
  if (host.cgroup.version != 0 && !e.cgroup_version.empty() &&
      e.cgroup_version != std::to_string(host.cgroup.version)) {
    c.details.push_back("the host probe saw cgroup v" + std::to_string(host.cgroup.version) +
                        " (the engine runs in another cgroup namespace)");
  }
  if (e.cgroup_version == "2" && e.cgroup_driver == "cgroupfs") {
    c.details.push_back(
        "Docker recommends the systemd cgroup driver on cgroup v2 hosts with systemd");
  }
  return c;
}

} // namespace

Check gpu_runtime_check(const HostFacts& host, bool gpu_wanted) {
  const auto& r = host.gpu_runtime;
  const auto& e = host.engine;
  std::vector<std::string> evidence;
  if (e.has_runtime("nvidia")) {
    evidence.push_back("the engine has the runtime \"nvidia\"");
  }
  if (!r.hook_path.empty()) {
    evidence.push_back(r.hook_path + " (enables --gpus)");
  }
  for (const auto& spec : r.cdi_specs) {
    evidence.push_back(
        "CDI spec " + spec +
        (e.cdi_spec_dirs.empty() && e.info_known ? " (this engine does not read CDI specs)" : ""));
  }
  if (!r.ctk_path.empty()) {
    evidence.push_back(r.ctk_path);
  }
  const bool usable = e.has_runtime("nvidia") || !r.hook_path.empty() ||
                      (!r.cdi_specs.empty() && !e.cdi_spec_dirs.empty());
  const bool driver = host.driver_version().has_value();
  const std::string title = "GPU container support";
  const std::string install =
      "install the NVIDIA Container Toolkit (package nvidia-container-toolkit), then `sudo "
      "nvidia-ctk "
      "runtime configure --runtime=docker && sudo systemctl restart docker`";
  Check c;
  if (usable && driver) {
    c = ok_check("engine.gpu-runtime", k_engine_section, title, "`docker run --gpus` can work");
  } else if (usable && !driver) {
    c = gpu_wanted
            ? fail_check(
                  "engine.gpu-runtime", k_engine_section, title,
                  "the NVIDIA container runtime is installed but there is no NVIDIA driver / GPU",
                  "install the NVIDIA driver (see gpu.driver)")
            : warn_check(
                  "engine.gpu-runtime", k_engine_section, title,
                  "the NVIDIA container runtime is installed but there is no NVIDIA driver / GPU: "
                  "containers started with --gpus will fail",
                  "install the NVIDIA driver, or do not request GPUs on this host");
  } else if (gpu_wanted) {
    c = fail_check(
        "engine.gpu-runtime", k_engine_section, title,
        "no NVIDIA container runtime: `docker run --gpus` cannot work (\"could not select "
        "device driver \"\" with capabilities: [[gpu]]\")",
        install);
  } else if (driver) {
    c = warn_check("engine.gpu-runtime", k_engine_section, title,
                   "this host has an NVIDIA driver but containers cannot use the GPU (no NVIDIA "
                   "container runtime)",
                   install);
  } else {
    c = ok_check("engine.gpu-runtime", k_engine_section, title,
                 "no NVIDIA container runtime (not needed: no GPU asked for)");
  }
  c.details = evidence;
  return c;
}

Check disk_check(const DiskFacts& disk) {
  const std::string title = "Disk space";
  if (!disk.known) {
    return warn_check("engine.disk", k_engine_section, title,
                      "could not measure free space under " + disk.path,
                      "check `df -h " + disk.path + "`");
  }
  const auto free = text::human_bytes(disk.available_bytes);
  const auto summary =
      free + " free of " + text::human_bytes(disk.total_bytes) + " under " + disk.path;
  const std::string remedy =
      "free space under " + disk.path +
      " (`docker system prune`, `docker builder "
      "prune`) or move the data root (\"data-root\" in /etc/docker/daemon.json)";
  if (disk.available_bytes < k_disk_fail_bytes) {
    auto c = fail_check("engine.disk", k_engine_section, title,
                        summary + ": too little to build or pull a GPU image", remedy);
    c.details.push_back("a TensorFlow GPU image takes about 8-12 GiB while building");
    return c;
  }
  if (disk.available_bytes < k_disk_warn_bytes) {
    return warn_check("engine.disk", k_engine_section, title,
                      summary + ": tight for ML images (several GiB each)", remedy);
  }
  return ok_check("engine.disk", k_engine_section, title, summary);
}

std::vector<Check> engine_checks(const HostFacts& host, bool gpu_wanted) {
  std::vector<Check> out;
  const auto& e = host.engine;
  if (e.reach != EngineReach::not_probed) {
    out.push_back(reach_check(e));
  }
  if (e.reach == EngineReach::ok) {
    for (auto c : {api_check(e), std::optional<Check>(builder_check(e)), storage_check(e),
                   engine_cgroup_check(host)}) {
      if (c) {
        out.push_back(std::move(*c));
      }
    }
  }
  out.push_back(gpu_runtime_check(host, gpu_wanted));
  out.push_back(disk_check(host.disk));
  return out;
}

} // namespace plinth::doctor
