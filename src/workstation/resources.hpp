// SPDX-License-Identifier: Apache-2.0
// A profile's limits as engine HostConfig settings (docs/workstation.md has the table).
// Pure.
#pragma once

#include "engine_api/containers.hpp"
#include "model/stack.hpp"
#include "util/result.hpp"

#include <string_view>
#include <vector>

namespace plinth::workstation {

// The GPU selection of a profile as DeviceRequests (driver "nvidia", capabilities [["gpu"]]):
// "" or "none" → none; "all" → Count -1; a number N ≥ 1 → Count N; "0" (the first GPU) or a
// comma list of indexes / GPU-<uuid>s → DeviceIDs. Count and DeviceIDs are never both set.
Result<std::vector<engine::DeviceRequest>> gpu_requests(std::string_view gpus);

// memory → Memory and MemorySwap = Memory (no swap), shm → ShmSize, cpus → NanoCpus,
// pids → PidsLimit, ulimits → Ulimits (-1: unlimited), gpus → DeviceRequests. Unset profile fields
// stay unset.
Result<engine::HostSettings> resource_settings(const model::Profile& profile);

} // namespace plinth::workstation
