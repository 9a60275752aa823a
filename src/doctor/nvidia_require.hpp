// SPDX-License-Identifier: Apache-2.0
// NVIDIA_REQUIRE_* constraints, evaluated as the NVIDIA container toolkit evaluates them
// before it lets a container start: space-separated alternatives are ORed, comma-separated
// conditions are ANDed, separate variables are ANDed; conditions test `cuda` (the highest
// CUDA the driver supports), `driver`, `arch` (compute capability) and `brand`.
// What the host cannot tell us (usually the brand) makes the answer "unknown". Pure.
#pragma once

#include "util/version.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plinth::doctor {

struct RequireCondition {
  std::string key; // cuda, driver, arch, brand (anything else is kept, and unknown)
  std::string op;  // >=, <=, >, <, =, !=
  std::string value;
  std::string text; // as written
};

// One alternative: conditions that must all hold.
using RequireAlternative = std::vector<RequireCondition>;

struct RequireExpr {
  std::vector<RequireAlternative> alternatives;
};

// nullopt when a condition is malformed (no operator or empty value).
std::optional<RequireExpr> parse_require(std::string_view text);

// What the host offers, as the toolkit would see it. Unset fields are unknown.
struct RequireHost {
  std::optional<Version> cuda; // the driver's CUDA, e.g. 12.2 for a 535 driver
  std::optional<Version> driver;
  std::optional<Version> arch; // compute capability of the GPU
  std::string brand;           // "tesla", "geforce", ... lower case; empty = unknown
};

enum class Tri { yes, no, unknown };
std::string_view tri_name(Tri t);

struct RequireResult {
  Tri result = Tri::yes;
  // When not satisfied: the condition the toolkit would name ("cuda>=12.3"), taken from
  // the first alternative (the plain `cuda>=X.Y` one in nvidia/cuda images).
  std::string unsatisfied;
  // When unknown: the alternatives that could admit the container, as written
  // ("brand=tesla,driver>=535,driver<536").
  std::vector<std::string> possible;
};

RequireResult evaluate_require(const RequireExpr& expr, const RequireHost& host);
// Several NVIDIA_REQUIRE_* values, ANDed. Malformed values are skipped (the toolkit fails
// on them, which the caller reports separately).
RequireResult evaluate_requires(const std::vector<std::string>& values, const RequireHost& host);

} // namespace plinth::doctor
