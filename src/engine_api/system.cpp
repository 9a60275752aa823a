// SPDX-License-Identifier: Apache-2.0
#include "engine_api/system.hpp"

#include "util/json_fields.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace plinth::engine {

namespace jf = json_fields;

bool Info::has_runtime(std::string_view name) const {
  return std::find(runtimes.begin(), runtimes.end(), name) != runtimes.end();
}

Result<VersionInfo> parse_version(std::string_view body) {
  auto j = jf::parse(body, "/version");
  PLINTH_TRY(j);
  VersionInfo v;
  v.version = jf::string(*j, "Version");
  v.api_version = jf::string(*j, "ApiVersion");
  v.min_api_version = jf::string(*j, "MinAPIVersion");
  v.os = jf::string(*j, "Os");
  v.arch = jf::string(*j, "Arch");
  v.kernel_version = jf::string(*j, "KernelVersion");
  v.git_commit = jf::string(*j, "GitCommit");
  v.go_version = jf::string(*j, "GoVersion");
  return v;
}

Result<Info> parse_info(std::string_view body) {
  auto j = jf::parse(body, "/info");
  PLINTH_TRY(j);
  if (!j->is_object()) {
    return fail(Errc::protocol, "the engine's /info reply is not a JSON object");
  }
  Info i;
  // Text fields are read leniently: daemons differ in whether CgroupVersion is "2" or 2.
  i.server_version = jf::scalar_text(*j, "ServerVersion");
  i.operating_system = jf::scalar_text(*j, "OperatingSystem");
  i.os_type = jf::scalar_text(*j, "OSType");
  i.architecture = jf::scalar_text(*j, "Architecture");
  i.kernel_version = jf::scalar_text(*j, "KernelVersion");
  i.driver = jf::scalar_text(*j, "Driver");
  i.docker_root_dir = jf::scalar_text(*j, "DockerRootDir");
  i.cgroup_driver = jf::scalar_text(*j, "CgroupDriver");
  i.cgroup_version = jf::scalar_text(*j, "CgroupVersion");
  i.default_runtime = jf::scalar_text(*j, "DefaultRuntime");
  i.runtimes = jf::keys(*j, "Runtimes");
  i.security_options = jf::strings(*j, "SecurityOptions");
  i.cdi_spec_dirs = jf::strings(*j, "CDISpecDirs");
  i.warnings = jf::strings(*j, "Warnings");
  i.ncpu = static_cast<int>(jf::integer(*j, "NCPU"));
  i.mem_total = jf::integer(*j, "MemTotal");
  return i;
}

Result<std::string> parse_id_answer(std::string_view body, std::string_view what) {
  auto id = jf::string(nlohmann::json::parse(body, nullptr, false), "Id");
  if (id.empty()) {
    return fail(Errc::protocol, "the engine's " + std::string(what) + " answer has no Id");
  }
  return id;
}

std::string error_message(std::string_view body) {
  auto j = nlohmann::json::parse(body, nullptr, false);
  if (!j.is_discarded()) {
    if (auto m = jf::string(j, "message"); !m.empty()) {
      return m;
    }
  }
  std::string out(body);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r' || out.back() == ' ')) {
    out.pop_back();
  }
  return out;
}

} // namespace plinth::engine
