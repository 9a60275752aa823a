// SPDX-License-Identifier: Apache-2.0
// Typed, positioned access to a parsed YAML document: every wrong type or unknown key is
// reported as a Diagnostic at the node's line and column, and reading goes on.
#pragma once

#include "model/stack.hpp"
#include "util/diagnostic.hpp"

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plinth::spec {

// One key of a section and how its value is read: a section's table of fields is both its
// list of known keys and its reader, so the two cannot drift apart.
struct Field {
  std::string_view key;
  std::function<void(const YAML::Node& value, const YAML::Node& key)> read;
};
using Fields = std::vector<Field>;

class YamlReader {
public:
  YamlReader(std::string file, Diagnostics& diags) : m_file(std::move(file)), m_diags(diags) {}

  SourcePos pos(const YAML::Node& node) const;
  const std::string& file() const { return m_file; }
  Diagnostics& diags() { return m_diags; }

  void error(const YAML::Node& node, std::string code, std::string message);
  void error(SourcePos where, std::string code, std::string message);

  // Reads each entry of `map` with its field's reader, in file order, and reports keys that
  // no field names (with a suggestion); `what` names the section. False when not a map.
  bool read_fields(const YAML::Node& map, std::string_view what, const Fields& fields);

  // `what` names the key in messages, e.g. "images.base.version".
  bool expect_map(const YAML::Node& node, std::string_view what);
  bool expect_sequence(const YAML::Node& node, std::string_view what);
  // A scalar without control characters or invalid UTF-8 (free text may hold tabs).
  std::optional<model::Located> string(const YAML::Node& node, std::string_view what,
                                       bool free_text = false);
  // A map key read as a name (image, profile, env, label): a clean scalar.
  std::optional<std::string> key(const YAML::Node& key, std::string_view what);
  std::optional<std::int64_t> integer(const YAML::Node& node, std::string_view what,
                                      std::int64_t min, std::int64_t max);
  std::optional<double> number(const YAML::Node& node, std::string_view what);
  std::optional<bool> boolean(const YAML::Node& node, std::string_view what);
  // A sequence of scalars.
  std::vector<model::Located> strings(const YAML::Node& node, std::string_view what);

private:
  std::string m_file;
  Diagnostics& m_diags;
};

// Reports every key written twice in any map of the document, naming both positions:
// yaml-cpp keeps the first silently where most YAML tools keep the last.
void check_duplicate_keys(YamlReader& r, const YAML::Node& root);

// "map" / "sequence" / "string" / "null" for messages.
std::string_view node_kind(const YAML::Node& node);

} // namespace plinth::spec
