// SPDX-License-Identifier: Apache-2.0
#include "dockerfile/json_form.hpp"

#include "dockerfile/words.hpp"

#include <optional>

namespace plinth::dockerfile {
namespace {

void append_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::optional<unsigned> hex4(std::string_view s, std::size_t i) {
  if (i + 4 > s.size()) {
    return std::nullopt;
  }
  unsigned v = 0;
  for (std::size_t k = i; k < i + 4; ++k) {
    const char c = s[k];
    v <<= 4;
    if (c >= '0' && c <= '9') {
      v |= static_cast<unsigned>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      v |= static_cast<unsigned>(c - 'a' + 10);
    } else if (c >= 'A' && c <= 'F') {
      v |= static_cast<unsigned>(c - 'A' + 10);
    } else {
      return std::nullopt;
    }
  }
  return v;
}

// Parses a JSON string at s[i] == '"'; returns the index after it, or npos.
std::size_t json_string(std::string_view s, std::size_t i, std::string& out) {
  // The common case has no escapes: copy the run before the first '"' or '\\' at once.
  std::size_t plain = i + 1;
  while (plain < s.size() && s[plain] != '"' && s[plain] != '\\' &&
         static_cast<unsigned char>(s[plain]) >= 0x20) {
    ++plain;
  }
  out.append(s.substr(i + 1, plain - i - 1));
  for (i = plain; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '"') {
      return i + 1;
    }
    if (static_cast<unsigned char>(c) < 0x20) {
      return std::string_view::npos;
    }
    if (c != '\\') {
      out += c;
      continue;
    }
    if (++i >= s.size()) {
      return std::string_view::npos;
    }
    switch (s[i]) {
    case '"': out += '"'; break;
    case '\\': out += '\\'; break;
    case '/': out += '/'; break;
    case 'b': out += '\b'; break;
    case 'f': out += '\f'; break;
    case 'n': out += '\n'; break;
    case 'r': out += '\r'; break;
    case 't': out += '\t'; break;
    case 'u': {
      const auto cp = hex4(s, i + 1);
      if (!cp) {
        return std::string_view::npos;
      }
      append_utf8(out, *cp);
      i += 4;
      break;
    }
    default: return std::string_view::npos;
    }
  }
  return std::string_view::npos;
}

// Skips one JSON value that is not a string (for the "non-string element" diagnosis).
bool looks_like_value(char c) {
  return c == '[' || c == '{' || c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' ||
         c == 'n';
}

} // namespace

JsonArray parse_json_array(std::string_view s, std::size_t from) {
  JsonArray out;
  std::size_t i = skip_blank(s, from);
  if (i >= s.size() || s[i] != '[') {
    return out;
  }
  i = skip_blank(s, i + 1);
  bool non_string = false;
  if (i < s.size() && s[i] == ']') {
    i = skip_blank(s, i + 1);
    out.status = i == s.size() ? JsonStatus::ok : JsonStatus::not_json;
    return out;
  }
  while (i < s.size()) {
    if (s[i] == '"') {
      JsonElement e{{}, i, 0};
      const auto end = json_string(s, i, e.value);
      if (end == std::string_view::npos) {
        return {};
      }
      e.end = end;
      out.elements.push_back(std::move(e));
      i = end;
    } else if (looks_like_value(s[i])) {
      // Nested arrays, numbers …: BuildKit rejects these outright.
      non_string = true;
      int depth = 0;
      while (i < s.size() && (depth > 0 || (s[i] != ',' && s[i] != ']'))) {
        depth += s[i] == '[' || s[i] == '{' ? 1 : (s[i] == ']' || s[i] == '}' ? -1 : 0);
        ++i;
      }
    } else {
      return {};
    }
    i = skip_blank(s, i);
    if (i < s.size() && s[i] == ',') {
      i = skip_blank(s, i + 1);
      continue;
    }
    if (i < s.size() && s[i] == ']') {
      i = skip_blank(s, i + 1);
      if (i != s.size()) {
        return {};
      }
      out.status = non_string ? JsonStatus::non_string_element : JsonStatus::ok;
      return out;
    }
    return {};
  }
  return {};
}

} // namespace plinth::dockerfile
