// SPDX-License-Identifier: Apache-2.0
#include "lint/config.hpp"

#include "util/spelling.hpp"

#include <yaml-cpp/yaml.h>

#include <array>

namespace plinth::lint {
namespace {

constexpr std::array<std::string_view, 9> k_keys = {
    "ignored",       "override",       "severity",       "trusted-registries", "required-labels",
    "digest-exempt", "require-digest", "inline-ignores", "failure-threshold"};

SourcePos where(const YAML::Node& n, std::string_view file) {
  const auto m = n.Mark();
  return {std::string(file), m.line >= 0 ? m.line + 1 : 0, m.column >= 0 ? m.column + 1 : 0};
}

std::vector<std::string> strings(const YAML::Node& n, std::string_view key, Diagnostics& diags,
                                 std::string_view file) {
  std::vector<std::string> out;
  if (n.IsScalar()) {
    out.push_back(n.as<std::string>());
  } else if (n.IsSequence()) {
    for (const auto& item : n) {
      if (item.IsScalar()) {
        out.push_back(item.as<std::string>());
      } else {
        diags.error(where(item, file), "lint-config", std::string(key) + ": expected a string");
      }
    }
  } else if (!n.IsNull()) {
    diags.error(where(n, file), "lint-config", std::string(key) + ": expected a list of strings");
  }
  return out;
}

std::optional<Level> level(const YAML::Node& n, Diagnostics& diags, std::string_view file) {
  const auto l = n.IsScalar() ? parse_level(n.as<std::string>()) : std::nullopt;
  if (!l) {
    diags.error(where(n, file), "lint-config",
                "expected a severity: error, warning, info or style");
  }
  return l;
}

bool boolean(const YAML::Node& n, bool fallback, Diagnostics& diags, std::string_view file) {
  bool v = fallback;
  if (!n.IsScalar() || !YAML::convert<bool>::decode(n, v)) {
    diags.error(where(n, file), "lint-config", "expected true or false");
  }
  return v;
}

void parse_overrides(const YAML::Node& v, std::string_view key, Config& c, Diagnostics& diags,
                     std::string_view file) {
  if (!v.IsMap()) {
    diags.error(where(v, file), "lint-config", std::string(key) + ": expected a mapping");
    return;
  }
  for (const auto& kv : v) {
    if (key == "override") { // level -> [ids]
      if (const auto l = level(kv.first, diags, file)) {
        for (auto& id : strings(kv.second, key, diags, file)) {
          c.overrides[id] = *l;
        }
      }
    } else if (const auto l = level(kv.second, diags, file)) { // id -> level
      c.overrides[kv.first.as<std::string>()] = *l;
    }
  }
}

} // namespace

Config parse_config(const YAML::Node& node, Diagnostics& diags, std::string_view file) {
  Config c;
  if (!node || node.IsNull()) {
    return c;
  }
  if (!node.IsMap()) {
    diags.error(where(node, file), "lint-config", "lint configuration must be a mapping");
    return c;
  }
  for (const auto& kv : node) {
    const auto key = kv.first.as<std::string>();
    const auto& v = kv.second;
    if (key == "ignored") {
      for (auto& id : strings(v, key, diags, file)) {
        c.ignored.insert(id);
      }
    } else if (key == "override" || key == "severity") {
      parse_overrides(v, key, c, diags, file);
    } else if (key == "trusted-registries") {
      c.trusted_registries = strings(v, key, diags, file);
    } else if (key == "required-labels") {
      c.required_labels = strings(v, key, diags, file);
    } else if (key == "digest-exempt") {
      c.digest_exempt_prefixes = strings(v, key, diags, file);
    } else if (key == "require-digest") {
      c.require_digest = boolean(v, c.require_digest, diags, file);
    } else if (key == "inline-ignores") {
      c.inline_ignores = boolean(v, c.inline_ignores, diags, file);
    } else if (key == "failure-threshold") {
      c.threshold = level(v, diags, file).value_or(c.threshold);
    } else {
      std::vector<std::string_view> cands(k_keys.begin(), k_keys.end());
      const auto hint = closest_match(key, cands);
      diags.error(where(kv.first, file), "lint-config",
                  "unknown lint key '" + key + "'" +
                      (hint ? "; did you mean '" + *hint + "'?" : std::string()));
    }
  }
  return c;
}

} // namespace plinth::lint
