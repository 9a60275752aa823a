// SPDX-License-Identifier: Apache-2.0
#include "workstation/profile.hpp"

#include "model/profile_limits.hpp"
#include "util/size.hpp"

#include <utility>
#include <variant>

namespace plinth::workstation {
namespace {

Result<void> apply_size(const std::optional<std::string>& text, const char* flag,
                        std::optional<std::int64_t>& out) {
  if (!text) {
    return {};
  }
  const auto bytes = parse_size(*text);
  if (!bytes || *bytes <= 0) {
    return fail(Errc::invalid_input, std::string(flag) +
                                         " must be a size such as 512m, 8g or 1.5g, not '" + *text +
                                         "'");
  }
  out = *bytes;
  return {};
}

} // namespace

Result<model::Profile> effective_profile(const model::Stack& stack, std::string_view name,
                                         const ProfileOverrides& o) {
  model::Profile p;
  if (!name.empty()) {
    bool found = false;
    for (const auto& candidate : stack.profiles) {
      if (candidate.name == name) {
        p = candidate;
        found = true;
      }
    }
    if (!found) {
      std::string known;
      for (const auto& candidate : stack.profiles) {
        known += (known.empty() ? "" : ", ") + candidate.name;
      }
      return fail(Errc::invalid_input, "the stack has no profile '" + std::string(name) + "'" +
                                           (known.empty() ? std::string(" (it declares none)")
                                                          : " (profiles: " + known + ")"));
    }
  } else if (stack.profiles.size() == 1) {
    p = stack.profiles.front();
  }
  if (o.gpus) {
    p.gpus = *o.gpus == "none" ? std::string() : *o.gpus;
  }
  PLINTH_TRY(apply_size(o.memory, "--memory", p.memory_bytes));
  PLINTH_TRY(apply_size(o.shm, "--shm", p.shm_bytes));
  if (o.cpus) {
    p.cpus = *o.cpus;
  }
  if (o.pids) {
    p.pids = *o.pids;
  }
  // Flags are judged by the rules `plinth check` applies to the stack file's profiles.
  const std::pair<const char*, model::LimitVerdict> verdicts[] = {
      {"--memory",
       o.memory && p.memory_bytes ? model::memory_limit_problem(*p.memory_bytes) : std::nullopt},
      {"--shm", o.shm && p.shm_bytes ? model::shm_size_problem(*p.shm_bytes) : std::nullopt},
      {"--cpus", o.cpus ? model::cpus_problem(*o.cpus) : std::nullopt},
      {"--pids", o.pids ? model::pids_problem(*o.pids) : std::nullopt},
  };
  for (const auto& [flag, bad] : verdicts) {
    if (bad) return fail(Errc::invalid_input, std::string(flag) + " " + *bad);
  }
  if (o.gpus) {
    const auto gpus = model::parse_gpus(p.gpus);
    if (const auto* err = std::get_if<std::string>(&gpus)) {
      return fail(Errc::invalid_input, "--gpus: " + *err);
    }
  }
  return p;
}

} // namespace plinth::workstation
