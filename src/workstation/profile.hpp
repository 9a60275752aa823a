// SPDX-License-Identifier: Apache-2.0
// Which profile a workstation runs with: the stack's named profile (or its only one) with the
// command line's overrides applied, each judged by the rules `plinth check` applies to the
// stack file's profiles (model/profile_limits.hpp).
#pragma once

#include "model/stack.hpp"
#include "util/result.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace plinth::workstation {

// Command-line overrides of a profile's fields (sizes as written: "8g").
struct ProfileOverrides {
  std::optional<std::string> gpus;
  std::optional<std::string> memory;
  std::optional<std::string> shm;
  std::optional<double> cpus;
  std::optional<std::int64_t> pids;
};
// The named profile (empty: the stack's only profile, or none), with the overrides applied.
Result<model::Profile> effective_profile(const model::Stack& stack, std::string_view name,
                                         const ProfileOverrides& overrides);

} // namespace plinth::workstation
