// SPDX-License-Identifier: Apache-2.0
// What a workstation profile may ask for, judged the same way by `plinth check` (from the
// stack file) and by `plinth up` (from flags such as --memory): one rule per limit. Each
// check returns nullopt when the value is acceptable, else the sentence that names the rule.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace plinth::model {

using LimitVerdict = std::optional<std::string>;

LimitVerdict memory_limit_problem(std::int64_t bytes); // at least 6m, the engine's minimum
LimitVerdict shm_size_problem(std::int64_t bytes);     // positive
LimitVerdict cpus_problem(double cpus);                // finite, above 0, at most 4096
LimitVerdict pids_problem(std::int64_t pids);          // 16 … 4194304

inline constexpr std::int64_t k_min_pids = 16;
inline constexpr std::int64_t k_max_pids = 4194304;

// The one GPU grammar: "" or "none" (no GPU), "all", a count ("2"), or a comma list of
// indexes and GPU-<uuid> ids ("0", "0,1", "GPU-8f…"). A lone "0" is the index 0.
struct GpuSelection {
  bool all = false;
  std::int64_t count = 0;              // > 0 for a count
  std::vector<std::string> device_ids; // indexes or UUIDs
  bool none() const { return !all && count == 0 && device_ids.empty(); }
};
std::variant<GpuSelection, std::string> parse_gpus(std::string_view text);

} // namespace plinth::model
