// SPDX-License-Identifier: Apache-2.0
#include "util/json_fields.hpp"

#include <nlohmann/json.hpp>

namespace plinth::json_fields {

using nlohmann::json;

Result<json> parse(std::string_view body, std::string_view what, std::string_view who) {
  auto j = json::parse(body, nullptr, false);
  if (j.is_discarded()) {
    return fail(Errc::protocol, std::string(who) + " sent invalid JSON for " + std::string(what));
  }
  return j;
}

std::string string(const json& j, const char* key) {
  if (!j.is_object()) {
    return {};
  }
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string scalar_text(const json& j, const char* key) {
  if (!j.is_object()) {
    return {};
  }
  const auto it = j.find(key);
  if (it == j.end()) {
    return {};
  }
  if (it->is_string()) {
    return it->get<std::string>();
  }
  return it->is_number() || it->is_boolean() ? it->dump() : std::string();
}

std::int64_t integer(const json& j, const char* key) {
  if (!j.is_object()) {
    return 0;
  }
  const auto it = j.find(key);
  return it != j.end() && it->is_number() ? it->get<std::int64_t>() : 0;
}

bool boolean(const json& j, const char* key) {
  if (!j.is_object()) {
    return false;
  }
  const auto it = j.find(key);
  return it != j.end() && it->is_boolean() && it->get<bool>();
}

std::vector<std::string> strings(const json& j, const char* key) {
  std::vector<std::string> out;
  if (!j.is_object()) {
    return out;
  }
  const auto it = j.find(key);
  if (it == j.end() || !it->is_array()) {
    return out;
  }
  for (const auto& v : *it) {
    if (v.is_string()) {
      out.push_back(v.get<std::string>());
    }
  }
  return out;
}

std::map<std::string, std::string> string_map(const json& j, const char* key) {
  std::map<std::string, std::string> out;
  if (!j.is_object()) {
    return out;
  }
  const auto it = j.find(key);
  if (it == j.end() || !it->is_object()) {
    return out;
  }
  for (const auto& [k, v] : it->items()) {
    if (v.is_string()) {
      out[k] = v.get<std::string>();
    }
  }
  return out;
}

std::vector<std::string> keys(const json& j, const char* key) {
  std::vector<std::string> out;
  if (!j.is_object()) {
    return out;
  }
  const auto it = j.find(key);
  if (it == j.end() || !it->is_object()) {
    return out;
  }
  for (const auto& [k, v] : it->items()) {
    out.push_back(k); // object keys iterate sorted
  }
  return out;
}

} // namespace plinth::json_fields
