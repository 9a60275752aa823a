// SPDX-License-Identifier: Apache-2.0
#include "doctor/host_parse.hpp"

#include "doctor/text.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace plinth::doctor {

std::optional<std::string> parse_cuda_version_json(std::string_view input) {
  const auto j = nlohmann::json::parse(input, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return std::nullopt;
  }
  const auto it = j.find("cuda");
  if (it == j.end() || !it->is_object()) {
    return std::nullopt;
  }
  const auto v = it->find("version");
  if (v == it->end() || !v->is_string()) {
    return std::nullopt;
  }
  return v->get<std::string>();
}

std::optional<std::string> parse_cuda_version_txt(std::string_view input) {
  for (const auto line : text::lines(input)) {
    if (text::starts_with(text::trim(line), "CUDA Version")) {
      const auto v = text::first_version_token(line);
      if (!v.empty()) {
        return std::string(v);
      }
    }
  }
  return std::nullopt;
}

std::optional<std::string> parse_cudnn_header(std::string_view input) {
  std::string major;
  std::string minor;
  std::string patch;
  for (const auto line : text::lines(input)) {
    const auto w = text::words(line);
    if (w.size() < 3 || w[0] != "#define") {
      continue;
    }
    if (w[1] == "CUDNN_MAJOR") {
      major = std::string(w[2]);
    } else if (w[1] == "CUDNN_MINOR") {
      minor = std::string(w[2]);
    } else if (w[1] == "CUDNN_PATCHLEVEL") {
      patch = std::string(w[2]);
    }
  }
  if (major.empty() || minor.empty()) {
    return std::nullopt;
  }
  return major + "." + minor + (patch.empty() ? "" : "." + patch);
}

std::optional<DaemonConfigFacts> parse_daemon_json(std::string_view input) {
  const auto j = nlohmann::json::parse(input, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return std::nullopt;
  }
  DaemonConfigFacts out;
  out.found = true;
  if (const auto it = j.find("default-shm-size"); it != j.end() && it->is_string()) {
    out.default_shm_size = it->get<std::string>();
  }
  if (const auto it = j.find("default-runtime"); it != j.end() && it->is_string()) {
    out.default_runtime = it->get<std::string>();
  }
  if (const auto it = j.find("runtimes"); it != j.end() && it->is_object()) {
    for (const auto& [name, value] : it->items()) {
      out.runtimes.push_back(name);
    }
  }
  return out;
}

bool is_nvidia_cdi_spec(std::string_view input) {
  for (const auto line : text::lines(input)) {
    const auto t = text::trim(line);
    if ((text::starts_with(t, "kind:") || text::starts_with(t, "\"kind\"")) &&
        text::contains(t, "nvidia.com/gpu")) {
      return true;
    }
  }
  // JSON specs may be on one line.
  return text::contains(input, "\"kind\":\"nvidia.com/gpu\"") ||
         text::contains(input, "\"kind\": \"nvidia.com/gpu\"");
}

CgroupFacts parse_cgroup_v2(std::string_view controllers) {
  CgroupFacts out;
  out.version = 2;
  for (const auto w : text::words(controllers)) {
    out.controllers.emplace_back(w);
  }
  const auto has = [&](std::string_view c) {
    return std::find(out.controllers.begin(), out.controllers.end(), c) != out.controllers.end();
  };
  out.memory = has("memory");
  out.pids = has("pids");
  out.cpu = has("cpu");
  return out;
}

CgroupFacts cgroup_v1_from_dirs(const std::vector<std::string>& dirs) {
  CgroupFacts out;
  out.version = 1;
  for (const auto& d : dirs) {
    // Hierarchies are directories such as "memory", "pids", "cpu,cpuacct"; skip
    // "unified" (the hybrid layout's v2 mount) and "systemd" (a named hierarchy).
    if (d == "unified" || d == "systemd") {
      continue;
    }
    out.controllers.push_back(d);
    for (const auto c : text::split(d, ',')) {
      out.memory = out.memory || c == "memory";
      out.pids = out.pids || c == "pids";
      out.cpu = out.cpu || c == "cpu";
    }
  }
  return out;
}

} // namespace plinth::doctor
