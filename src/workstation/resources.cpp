// SPDX-License-Identifier: Apache-2.0
#include "workstation/resources.hpp"

#include "model/profile_limits.hpp"

#include <cmath>

namespace plinth::workstation {
Result<std::vector<engine::DeviceRequest>> gpu_requests(std::string_view text) {
  auto parsed = model::parse_gpus(text);
  if (auto* err = std::get_if<std::string>(&parsed)) {
    return fail(Errc::invalid_input, "gpus: " + *err);
  }
  const auto& sel = std::get<model::GpuSelection>(parsed);
  std::vector<engine::DeviceRequest> out;
  if (sel.none()) return out;
  engine::DeviceRequest r;
  r.count = sel.all ? -1 : sel.count;
  r.device_ids = sel.device_ids;
  out.push_back(std::move(r));
  return out;
}

Result<engine::HostSettings> resource_settings(const model::Profile& p) {
  engine::HostSettings h;
  if (p.memory_bytes) {
    if (auto bad = model::memory_limit_problem(*p.memory_bytes)) {
      return fail(Errc::invalid_input, "memory: " + *bad);
    }
    h.memory = *p.memory_bytes;
    h.memory_swap = *p.memory_bytes; // memory + swap = memory: the container never swaps
  }
  if (p.shm_bytes) {
    if (auto bad = model::shm_size_problem(*p.shm_bytes)) {
      return fail(Errc::invalid_input, "shm: " + *bad);
    }
    h.shm_size = *p.shm_bytes;
  }
  if (p.cpus) {
    if (auto bad = model::cpus_problem(*p.cpus)) {
      return fail(Errc::invalid_input, "cpus: " + *bad);
    }
    h.nano_cpus = std::llround(*p.cpus * 1e9);
  }
  if (p.pids) {
    if (auto bad = model::pids_problem(*p.pids)) {
      return fail(Errc::invalid_input, "pids: " + *bad);
    }
    h.pids_limit = *p.pids;
  }
  for (const auto& u : p.ulimits) {
    h.ulimits.push_back({u.name, u.soft, u.hard});
  }
  PLINTH_TRY_ASSIGN(auto gpus, gpu_requests(p.gpus));
  h.device_requests = std::move(gpus);
  return h;
}

} // namespace plinth::workstation
