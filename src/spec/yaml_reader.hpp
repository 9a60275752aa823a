// SPDX-License-Identifier: Apache-2.0
// Typed, positioned access to a parsed YAML document: every wrong type or unknown key is
// reported as a Diagnostic at the node's line and column, and reading goes on.
#pragma once

#include "model/stack.hpp"
#include "util/diagnostic.hpp"

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plinth::spec {

class YamlReader {
public:
  YamlReader(std::string file, Diagnostics& diags) : m_file(std::move(file)), m_diags(diags) {}

  SourcePos pos(const YAML::Node& node) const;
  const std::string& file() const { return m_file; }
  Diagnostics& diags() { return m_diags; }

  void error(const YAML::Node& node, std::string code, std::string message);
  void error(SourcePos where, std::string code, std::string message);

  // Reports keys of `map` not in `known`, with a "did you mean" suggestion.
  void check_keys(const YAML::Node& map, std::string_view context,
                  const std::vector<std::string_view>& known);

  // `what` names the key in messages, e.g. "images.base.version".
  bool expect_map(const YAML::Node& node, std::string_view what);
  bool expect_sequence(const YAML::Node& node, std::string_view what);
  std::optional<model::Located> string(const YAML::Node& node, std::string_view what);
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

// "map" / "sequence" / "string" / "null" for messages.
std::string_view node_kind(const YAML::Node& node);

} // namespace plinth::spec
