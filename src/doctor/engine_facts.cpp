// SPDX-License-Identifier: Apache-2.0
#include "doctor/engine_facts.hpp"

#include <algorithm>

namespace plinth::doctor {

void apply_ping(const engine::Ping& ping, EngineFacts& f) {
  if (f.api_version.empty()) {
    f.api_version = ping.api_version;
  }
  if (!ping.builder_version.empty()) {
    f.builder_version = ping.builder_version;
  }
}

void apply_version(const engine::VersionInfo& v, EngineFacts& f) {
  if (f.server_version.empty()) {
    f.server_version = v.version;
  }
  if (!v.api_version.empty()) {
    f.api_version = v.api_version;
  }
  f.min_api_version = v.min_api_version;
  f.os = v.os;
  f.arch = v.arch;
  f.kernel_version = v.kernel_version;
}

void apply_info(const engine::Info& i, EngineFacts& f) {
  f.info_known = true;
  f.server_version = i.server_version;
  f.storage_driver = i.driver;
  f.cgroup_driver = i.cgroup_driver;
  f.cgroup_version = i.cgroup_version;
  f.docker_root_dir = i.docker_root_dir;
  f.default_runtime = i.default_runtime;
  f.operating_system = i.operating_system;
  if (f.kernel_version.empty()) {
    f.kernel_version = i.kernel_version;
  }
  if (f.arch.empty()) {
    f.arch = i.architecture;
  }
  f.runtimes = i.runtimes;
  std::sort(f.runtimes.begin(), f.runtimes.end());
  f.cdi_spec_dirs = i.cdi_spec_dirs;
  f.security_options = i.security_options;
  f.warnings = i.warnings;
  f.rootless =
      std::any_of(i.security_options.begin(), i.security_options.end(), [](const std::string& o) {
        return o.find("name=rootless") != std::string::npos;
      });
  f.ncpu = i.ncpu;
  f.mem_total = i.mem_total;
}

} // namespace plinth::doctor
