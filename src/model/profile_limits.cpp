// SPDX-License-Identifier: Apache-2.0
#include "model/profile_limits.hpp"

#include <cmath>

namespace plinth::model {
namespace {

constexpr std::int64_t k_mib = 1024 * 1024;

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool gpu_uuid(std::string_view s) {
  if (s.rfind("GPU-", 0) != 0 || s.size() == 4) return false;
  for (const char c : s.substr(4)) {
    const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    if (!hex && c != '-') return false;
  }
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ')
    s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ')
    s.remove_suffix(1);
  return s;
}

} // namespace

LimitVerdict memory_limit_problem(std::int64_t bytes) {
  if (bytes < 6 * k_mib) return std::string("must be at least 6m (the engine's minimum)");
  return std::nullopt;
}

LimitVerdict shm_size_problem(std::int64_t bytes) {
  if (bytes <= 0) return std::string("must be a positive size");
  return std::nullopt;
}

LimitVerdict cpus_problem(double cpus) {
  if (!std::isfinite(cpus) || !(cpus > 0) || cpus > 4096) {
    return std::string("must be a number of CPUs above 0 and at most 4096");
  }
  return std::nullopt;
}

LimitVerdict pids_problem(std::int64_t pids) {
  if (pids < k_min_pids || pids > k_max_pids) {
    return "must be between " + std::to_string(k_min_pids) + " and " + std::to_string(k_max_pids);
  }
  return std::nullopt;
}

std::variant<GpuSelection, std::string> parse_gpus(std::string_view text) {
  const auto gpus = trim(text);
  GpuSelection out;
  if (gpus.empty() || gpus == "none") return out;
  if (gpus == "all") {
    out.all = true;
    return out;
  }
  if (all_digits(gpus) && gpus != "0") {
    if (gpus.size() > 4) return "'" + std::string(gpus) + "' is not a plausible GPU count";
    out.count = std::stoll(std::string(gpus));
    return out;
  }
  std::size_t start = 0;
  while (start <= gpus.size()) {
    const auto comma = gpus.find(',', start);
    const auto id = trim(gpus.substr(start, comma == std::string_view::npos ? std::string_view::npos
                                                                            : comma - start));
    if (!all_digits(id) && !gpu_uuid(id)) {
      return "'" + std::string(id) +
             "' is neither a GPU index nor a GPU-<uuid> (expected all, none, a count, or a "
             "comma list of indexes/UUIDs)";
    }
    out.device_ids.emplace_back(id);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return out;
}

} // namespace plinth::model
