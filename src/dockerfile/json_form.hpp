// SPDX-License-Identifier: Apache-2.0
// Exec (JSON array) form detection, as BuildKit's parseMaybeJSON: the text must be one
// JSON array of strings; other invalid JSON silently falls back to shell form.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace plinth::dockerfile {

struct JsonElement {
  std::string value;  // decoded
  std::size_t offset; // of the opening quote in the parsed text
  std::size_t end;    // one past the closing quote
};

enum class JsonStatus { not_json, ok, non_string_element };

struct JsonArray {
  JsonStatus status = JsonStatus::not_json;
  std::vector<JsonElement> elements;
};

// Parses text[from..] (trailing blanks allowed).
JsonArray parse_json_array(std::string_view text, std::size_t from);

} // namespace plinth::dockerfile
