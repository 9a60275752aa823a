// SPDX-License-Identifier: Apache-2.0
#include "registry/challenge.hpp"

#include <cctype>

namespace plinth::registry {
namespace {

void skip_space(std::string_view s, std::size_t& i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == ',')) {
    ++i;
  }
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// key=value or key="quoted \"value\""; false at the end or on garbage.
bool read_param(std::string_view s, std::size_t& i, std::string& key, std::string& value) {
  skip_space(s, i);
  const auto eq = s.find('=', i);
  if (eq == std::string_view::npos) {
    return false;
  }
  key = lower(s.substr(i, eq - i));
  i = eq + 1;
  value.clear();
  if (i < s.size() && s[i] == '"') {
    for (++i; i < s.size() && s[i] != '"'; ++i) {
      if (s[i] == '\\' && i + 1 < s.size()) {
        ++i;
      }
      value += s[i];
    }
    ++i;
  } else {
    while (i < s.size() && s[i] != ',') {
      value += s[i++];
    }
  }
  return !key.empty();
}

} // namespace

std::optional<Challenge> parse_challenge(std::string_view header) {
  std::size_t i = 0;
  skip_space(header, i);
  const auto sp = header.find(' ', i);
  Challenge c;
  c.scheme =
      lower(header.substr(i, sp == std::string_view::npos ? std::string_view::npos : sp - i));
  if (c.scheme.empty()) {
    return std::nullopt;
  }
  if (sp == std::string_view::npos) {
    return c;
  }
  i = sp + 1;
  std::string key;
  std::string value;
  while (read_param(header, i, key, value)) {
    c.params[key] = value;
  }
  return c;
}

} // namespace plinth::registry
