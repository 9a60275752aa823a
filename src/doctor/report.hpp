// SPDX-License-Identifier: Apache-2.0
// The doctor's answer: a list of checks, each ok / warn / fail with an explanation and,
// when not ok, the exact fix. Exit codes: 0 all ok, 1 warnings, 2 any failure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace plinth::doctor {

enum class Status { ok = 0, warn = 1, fail = 2 };
std::string_view status_name(Status s);

// Image verdicts (Check::verdict for "image" checks).
inline constexpr const char* k_verdict_compatible = "compatible";
inline constexpr const char* k_verdict_minor_compat = "minor_version_compat";
inline constexpr const char* k_verdict_incompatible = "incompatible";
inline constexpr const char* k_verdict_no_driver = "no_driver";
inline constexpr const char* k_verdict_cpu = "cpu_only";
inline constexpr const char* k_verdict_unknown_cuda = "unknown_cuda";

struct Check {
  std::string id;      // stable: "driver.version", "engine.reachable", "image.cuda", ...
  std::string section; // "gpu", "host", "engine", "image"
  Status status = Status::ok;
  std::string title;   // "NVIDIA driver"
  std::string summary; // one line
  std::vector<std::string> details;
  std::string remedy;  // what to do; empty when ok
  std::string subject; // image checks: the image(s) or the question asked
  std::string verdict; // image checks: one of the k_verdict_* names
};

struct Report {
  std::vector<Check> checks;

  Status status() const;
  int exit_code() const { return static_cast<int>(status()); }
  std::size_t count(Status s) const;
  const Check* find(std::string_view id) const;
  // Every check with this id prefix ("image." -> all image checks).
  std::vector<const Check*> with_prefix(std::string_view prefix) const;
};

// Builders that keep verdict code short.
Check ok_check(std::string id, std::string section, std::string title, std::string summary);
Check warn_check(std::string id, std::string section, std::string title, std::string summary,
                 std::string remedy);
Check fail_check(std::string id, std::string section, std::string title, std::string summary,
                 std::string remedy);

} // namespace plinth::doctor
