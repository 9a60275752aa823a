// SPDX-License-Identifier: Apache-2.0
#include "spec/yaml_reader.hpp"

#include "spec/grammar.hpp"
#include "util/spelling.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace plinth::spec {

std::string_view node_kind(const YAML::Node& node) {
  switch (node.Type()) {
  case YAML::NodeType::Map: return "a map";
  case YAML::NodeType::Sequence: return "a list";
  case YAML::NodeType::Scalar: return "a scalar";
  case YAML::NodeType::Null: return "empty";
  case YAML::NodeType::Undefined: return "undefined";
  }
  return "unknown";
}

SourcePos YamlReader::pos(const YAML::Node& node) const {
  const auto mark = node.Mark();
  if (mark.is_null()) {
    return {m_file, 0, 0};
  }
  return {m_file, mark.line + 1, mark.column + 1};
}

void YamlReader::error(const YAML::Node& node, std::string code, std::string message) {
  m_diags.error(pos(node), std::move(code), std::move(message));
}

void YamlReader::error(SourcePos where, std::string code, std::string message) {
  m_diags.error(std::move(where), std::move(code), std::move(message));
}

bool YamlReader::read_fields(const YAML::Node& map, std::string_view what, const Fields& fields) {
  if (!expect_map(map, what)) return false;
  std::vector<std::string_view> known;
  for (const auto& f : fields)
    known.push_back(f.key);
  for (const auto& kv : map) {
    if (!kv.first.IsScalar()) {
      error(kv.first, "wrong-type", "a key in " + std::string(what) + " must be a string");
      continue;
    }
    const auto name = kv.first.Scalar();
    if (auto bad = grammar::control_characters(name)) {
      error(kv.first, "control-character", "a key in " + std::string(what) + " " + *bad);
      continue;
    }
    const auto it =
        std::find_if(fields.begin(), fields.end(), [&](const Field& f) { return f.key == name; });
    if (it == fields.end()) {
      std::string msg = "unknown key '" + name + "' in " + std::string(what);
      if (const auto best = closest_match(name, known)) msg += "; did you mean '" + *best + "'?";
      error(kv.first, "unknown-key", msg);
      continue;
    }
    it->read(kv.second, kv.first);
  }
  return true;
}

bool YamlReader::expect_map(const YAML::Node& node, std::string_view what) {
  if (node.IsMap()) {
    return true;
  }
  error(node, "wrong-type",
        std::string(what) + " must be a map, not " + std::string(node_kind(node)));
  return false;
}

bool YamlReader::expect_sequence(const YAML::Node& node, std::string_view what) {
  if (node.IsSequence()) {
    return true;
  }
  error(node, "wrong-type",
        std::string(what) + " must be a list, not " + std::string(node_kind(node)));
  return false;
}

std::optional<model::Located> YamlReader::string(const YAML::Node& node, std::string_view what,
                                                 bool free_text) {
  if (!node.IsScalar()) {
    error(node, "wrong-type",
          std::string(what) + " must be a string, not " + std::string(node_kind(node)));
    return std::nullopt;
  }
  if (auto bad = grammar::control_characters(node.Scalar(), free_text)) {
    error(node, "control-character", std::string(what) + " " + *bad);
    return std::nullopt;
  }
  return model::Located{node.Scalar(), pos(node)};
}

std::optional<std::string> YamlReader::key(const YAML::Node& key, std::string_view what) {
  if (!key.IsScalar()) {
    error(key, "wrong-type",
          "a key in " + std::string(what) + " must be a string, not " +
              std::string(node_kind(key)));
    return std::nullopt;
  }
  if (auto bad = grammar::control_characters(key.Scalar())) {
    error(key, "control-character", "a key in " + std::string(what) + " " + *bad);
    return std::nullopt;
  }
  return key.Scalar();
}

namespace {

void duplicate_keys(YamlReader& r, const YAML::Node& node, const std::string& path) {
  if (node.IsSequence()) {
    for (std::size_t i = 0; i < node.size(); ++i)
      duplicate_keys(r, node[i], path + "[" + std::to_string(i) + "]");
    return;
  }
  if (!node.IsMap()) return;
  std::vector<std::pair<std::string, SourcePos>> seen;
  for (const auto& kv : node) {
    const auto name = kv.first.IsScalar() ? kv.first.Scalar() : std::string();
    const auto where = r.pos(kv.first);
    if (kv.first.IsScalar()) {
      const auto it =
          std::find_if(seen.begin(), seen.end(), [&](const auto& s) { return s.first == name; });
      if (it != seen.end()) {
        r.error(where, "duplicate-key",
                "duplicate key '" + name + "' in " + (path.empty() ? "the stack file" : path) +
                    ": first written at line " + std::to_string(it->second.line) + ", column " +
                    std::to_string(it->second.column) + "; YAML tools disagree on which one wins");
        continue;
      }
      seen.emplace_back(name, where);
    }
    duplicate_keys(r, kv.second, path.empty() ? name : path + "." + name);
  }
}

} // namespace

void check_duplicate_keys(YamlReader& r, const YAML::Node& root) {
  duplicate_keys(r, root, "");
}

std::optional<std::int64_t> YamlReader::integer(const YAML::Node& node, std::string_view what,
                                                std::int64_t min, std::int64_t max) {
  if (!node.IsScalar()) {
    error(node, "wrong-type",
          std::string(what) + " must be an integer, not " + std::string(node_kind(node)));
    return std::nullopt;
  }
  const auto& s = node.Scalar();
  std::int64_t v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || ptr != s.data() + s.size()) {
    error(node, "wrong-type", std::string(what) + " must be an integer, not '" + s + "'");
    return std::nullopt;
  }
  if (v < min || v > max) {
    error(node, "out-of-range",
          std::string(what) + " must be between " + std::to_string(min) + " and " +
              std::to_string(max) + ", not " + s);
    return std::nullopt;
  }
  return v;
}

std::optional<double> YamlReader::number(const YAML::Node& node, std::string_view what) {
  if (node.IsScalar()) {
    const auto& s = node.Scalar();
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (!s.empty() && end == s.c_str() + s.size() && std::isfinite(v)) {
      return v;
    }
  }
  error(node, "wrong-type", std::string(what) + " must be a finite number");
  return std::nullopt;
}

std::optional<bool> YamlReader::boolean(const YAML::Node& node, std::string_view what) {
  if (node.IsScalar()) {
    const auto& s = node.Scalar();
    if (s == "true" || s == "yes") return true;
    if (s == "false" || s == "no") return false;
  }
  error(node, "wrong-type", std::string(what) + " must be true or false");
  return std::nullopt;
}

std::vector<model::Located> YamlReader::strings(const YAML::Node& node, std::string_view what) {
  std::vector<model::Located> out;
  if (!expect_sequence(node, what)) {
    return out;
  }
  for (std::size_t i = 0; i < node.size(); ++i) {
    if (auto s = string(node[i], std::string(what) + "[" + std::to_string(i) + "]")) {
      out.push_back(std::move(*s));
    }
  }
  return out;
}

} // namespace plinth::spec
