// SPDX-License-Identifier: Apache-2.0
#include "doctor/engine_parse.hpp"

#include "doctor/text.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace plinth::doctor {
namespace {

using nlohmann::json;

std::string str_field(const json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) {
    return {};
  }
  if (it->is_string()) {
    return it->get<std::string>();
  }
  if (it->is_number() || it->is_boolean()) {
    return it->dump();
  }
  return {};
}

std::vector<std::string> str_list(const json& j, const char* key) {
  std::vector<std::string> out;
  const auto it = j.find(key);
  if (it == j.end() || !it->is_array()) {
    return out;
  }
  for (const auto& v : *it) {
    if (v.is_string()) {
      out.push_back(v.get<std::string>());
    }
  }
  return out;
}

Result<json> parse_object(std::string_view text, const char* what) {
  auto j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return fail(Errc::protocol,
                std::string("the engine's ") + what + " reply is not a JSON object");
  }
  return j;
}

} // namespace

Result<void> parse_engine_info(std::string_view text, EngineFacts& f) {
  auto parsed = parse_object(text, "/info");
  PLINTH_TRY(parsed);
  const auto& j = *parsed;
  f.info_known = true;
  f.server_version = str_field(j, "ServerVersion");
  f.storage_driver = str_field(j, "Driver");
  f.cgroup_driver = str_field(j, "CgroupDriver");
  f.cgroup_version = str_field(j, "CgroupVersion");
  f.docker_root_dir = str_field(j, "DockerRootDir");
  f.default_runtime = str_field(j, "DefaultRuntime");
  f.operating_system = str_field(j, "OperatingSystem");
  if (f.kernel_version.empty()) {
    f.kernel_version = str_field(j, "KernelVersion");
  }
  if (f.arch.empty()) {
    f.arch = str_field(j, "Architecture");
  }
  f.runtimes.clear();
  if (const auto it = j.find("Runtimes"); it != j.end() && it->is_object()) {
    for (const auto& [name, value] : it->items()) {
      f.runtimes.push_back(name);
    }
  }
  std::sort(f.runtimes.begin(), f.runtimes.end());
  f.cdi_spec_dirs = str_list(j, "CDISpecDirs");
  f.security_options = str_list(j, "SecurityOptions");
  f.warnings = str_list(j, "Warnings");
  f.rootless = std::any_of(f.security_options.begin(), f.security_options.end(),
                           [](const std::string& o) { return text::contains(o, "name=rootless"); });
  if (const auto it = j.find("NCPU"); it != j.end() && it->is_number_integer()) {
    f.ncpu = it->get<int>();
  }
  if (const auto it = j.find("MemTotal"); it != j.end() && it->is_number_integer()) {
    f.mem_total = it->get<std::int64_t>();
  }
  return {};
}

Result<void> parse_engine_version(std::string_view text, EngineFacts& f) {
  auto parsed = parse_object(text, "/version");
  PLINTH_TRY(parsed);
  const auto& j = *parsed;
  f.server_version = f.server_version.empty() ? str_field(j, "Version") : f.server_version;
  if (auto api = str_field(j, "ApiVersion"); !api.empty()) {
    f.api_version = api;
  }
  f.min_api_version = str_field(j, "MinAPIVersion");
  f.os = str_field(j, "Os");
  f.arch = str_field(j, "Arch");
  f.kernel_version = str_field(j, "KernelVersion");
  return {};
}

void apply_ping_headers(const std::map<std::string, std::string>& headers, EngineFacts& f) {
  for (const auto& [name, value] : headers) {
    const auto key = text::lower(name);
    if (key == "api-version" && f.api_version.empty()) {
      f.api_version = std::string(text::trim(value));
    } else if (key == "builder-version") {
      f.builder_version = std::string(text::trim(value));
    }
  }
}

std::map<std::string, std::string> parse_header_block(std::string_view block) {
  std::map<std::string, std::string> out;
  for (const auto line : text::lines(block)) {
    const auto colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      continue;
    }
    out[std::string(text::trim(line.substr(0, colon)))] =
        std::string(text::trim(line.substr(colon + 1)));
  }
  return out;
}

} // namespace plinth::doctor
