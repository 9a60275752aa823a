// SPDX-License-Identifier: Apache-2.0
// Lenient readers for JSON documents whose schema is open (the Docker Engine API, registry
// replies, plinth-init's status): a missing or mistyped field reads as empty, never throws.
#pragma once

#include "util/result.hpp"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace plinth::json_fields {

// The document, or Errc::protocol "<who> sent invalid JSON for <what>".
Result<nlohmann::json> parse(std::string_view body, std::string_view what,
                             std::string_view who = "the engine");

std::string string(const nlohmann::json& j, const char* key);
// A string, or a number or boolean written as JSON text (some daemons send "2", some 2).
std::string scalar_text(const nlohmann::json& j, const char* key);
std::int64_t integer(const nlohmann::json& j, const char* key);
bool boolean(const nlohmann::json& j, const char* key);
std::vector<std::string> strings(const nlohmann::json& j, const char* key);
std::map<std::string, std::string> string_map(const nlohmann::json& j, const char* key);
// The keys of an object field, sorted.
std::vector<std::string> keys(const nlohmann::json& j, const char* key);

} // namespace plinth::json_fields
