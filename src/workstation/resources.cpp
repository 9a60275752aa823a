// SPDX-License-Identifier: Apache-2.0
#include "workstation/resources.hpp"

#include <cmath>

namespace plinth::workstation {
namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) {
    return false;
  }
  for (const char c : s) {
    if (c < '0' || c > '9') {
      return false;
    }
  }
  return true;
}

bool gpu_uuid(std::string_view s) {
  if (s.rfind("GPU-", 0) != 0 || s.size() == 4) {
    return false;
  }
  for (const char c : s.substr(4)) {
    const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    if (!hex && c != '-') {
      return false;
    }
  }
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') {
    s.remove_prefix(1);
  }
  while (!s.empty() && s.back() == ' ') {
    s.remove_suffix(1);
  }
  return s;
}

} // namespace

Result<std::vector<engine::DeviceRequest>> gpu_requests(std::string_view text) {
  const auto gpus = trim(text);
  std::vector<engine::DeviceRequest> out;
  if (gpus.empty() || gpus == "none") {
    return out;
  }
  engine::DeviceRequest r;
  if (gpus == "all") {
    r.count = -1;
  } else if (all_digits(gpus) && gpus != "0") {
    if (gpus.size() > 4) {
      return fail(Errc::invalid_input,
                  "gpus: '" + std::string(gpus) + "' is not a plausible GPU count");
    }
    r.count = std::stoll(std::string(gpus));
  } else {
    std::size_t start = 0;
    while (start <= gpus.size()) {
      const auto comma = gpus.find(',', start);
      const auto id = trim(gpus.substr(
          start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
      if (!all_digits(id) && !gpu_uuid(id)) {
        return fail(Errc::invalid_input,
                    "gpus: '" + std::string(id) +
                        "' is neither a GPU index nor a GPU-<uuid> (expected all, none, a "
                        "count, or a comma list of indexes/UUIDs)");
      }
      r.device_ids.emplace_back(id);
      if (comma == std::string_view::npos) {
        break;
      }
      start = comma + 1;
    }
  }
  out.push_back(std::move(r));
  return out;
}

Result<engine::HostSettings> resource_settings(const model::Profile& p) {
  engine::HostSettings h;
  if (p.memory_bytes) {
    if (*p.memory_bytes < 6 * 1024 * 1024) {
      return fail(Errc::invalid_input, "memory: the engine needs at least 6m");
    }
    h.memory = *p.memory_bytes;
    h.memory_swap = *p.memory_bytes; // memory + swap = memory: the container never swaps
  }
  if (p.shm_bytes) {
    if (*p.shm_bytes <= 0) {
      return fail(Errc::invalid_input, "shm: must be a positive size");
    }
    h.shm_size = *p.shm_bytes;
  }
  if (p.cpus) {
    if (!(*p.cpus > 0) || *p.cpus > 1e6) {
      return fail(Errc::invalid_input, "cpus: must be a positive number");
    }
    h.nano_cpus = std::llround(*p.cpus * 1e9);
  }
  if (p.pids) {
    h.pids_limit = *p.pids;
  }
  for (const auto& u : p.ulimits) {
    h.ulimits.push_back({u.name, u.soft, u.hard});
  }
  auto gpus = gpu_requests(p.gpus);
  if (!gpus) {
    return fail(std::move(gpus.error()));
  }
  h.device_requests = std::move(*gpus);
  return h;
}

} // namespace plinth::workstation
