// SPDX-License-Identifier: Apache-2.0
#include "doctor/facts.hpp"

#include <algorithm>

namespace plinth::doctor {

std::string_view engine_reach_name(EngineReach r) {
  switch (r) {
  case EngineReach::not_probed: return "not_probed";
  case EngineReach::ok: return "ok";
  case EngineReach::socket_missing: return "socket_missing";
  case EngineReach::permission_denied: return "permission_denied";
  case EngineReach::not_answering: return "not_answering";
  case EngineReach::error: return "error";
  }
  return "error";
}

bool EngineFacts::has_runtime(std::string_view name) const {
  return std::find(runtimes.begin(), runtimes.end(), name) != runtimes.end();
}

std::optional<Version> HostFacts::driver_version() const {
  if (driver.version) {
    return driver.version;
  }
  if (driver.sys_module_version) {
    return driver.sys_module_version;
  }
  return smi.driver;
}

const std::vector<GpuFacts>& HostFacts::gpus() const {
  return smi.gpus.empty() ? proc_gpus : smi.gpus;
}

} // namespace plinth::doctor
