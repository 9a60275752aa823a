// SPDX-License-Identifier: Apache-2.0
// The guard rail `plinth up` runs before starting a container with a GPU profile: the
// doctor's GPU checks, and a refusal with the doctor's explanation when one fails, unless
// the user overrides it explicitly. Pure.
#pragma once

#include "compat/db.hpp"
#include "doctor/facts.hpp"
#include "doctor/report.hpp"
#include "doctor/requirements.hpp"
#include "model/stack.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace plinth::doctor {

struct GuardResult {
  bool gpu_profile = false;    // the profile asks for GPUs (otherwise nothing is checked)
  bool allowed = true;         // false: refuse to start
  bool overridden = false;     // a failure was found but the user overrode it
  Report report;               // the checks that were run
  std::vector<Check> blocking; // the failed ones
  std::string message;         // what to print: the explanation and how to override
};

// `images`: what the container's image needs (requirement_from_inspect / _from_resolved).
// `override_flag` is named in the message ("--ignore-gpu-check").
GuardResult gpu_guard(const HostFacts& host, const model::Profile& profile,
                      const std::vector<ImageRequirement>& images, const compat::Db& db,
                      bool override_requested, std::string_view override_flag);

} // namespace plinth::doctor
