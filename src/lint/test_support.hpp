// SPDX-License-Identifier: Apache-2.0
// Test helpers: lint a Dockerfile string and ask which rules fired.
#pragma once

#include "lint/config.hpp"
#include "lint/engine.hpp"

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>
#include <vector>

namespace plinth::lint::testing {

inline Config config_from(std::string_view yaml) {
  Diagnostics d;
  return yaml.empty() ? Config{} : parse_config(YAML::Load(std::string(yaml)), d);
}

inline std::vector<Finding> lint_text(std::string_view dockerfile, const Config& c = {}) {
  Engine e(c);
  return e.lint(dockerfile);
}

inline std::vector<Finding> only_rule(const std::vector<Finding>& all, std::string_view id) {
  std::vector<Finding> out;
  for (const auto& f : all) {
    if (f.rule == id) {
      out.push_back(f);
    }
  }
  return out;
}

// One line per finding ("PL2003 3:5 message"), for comparing two runs.
inline std::vector<std::string> describe(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) {
    out.push_back(f.rule + " " + std::to_string(f.line) + ":" + std::to_string(f.column) + " " +
                  f.message);
  }
  return out;
}

inline bool fires(std::string_view id, std::string_view dockerfile, const Config& c = {}) {
  return !only_rule(lint_text(dockerfile, c), id).empty();
}

} // namespace plinth::lint::testing
