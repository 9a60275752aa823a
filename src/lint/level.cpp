// SPDX-License-Identifier: Apache-2.0
#include "lint/level.hpp"

#include <string>

namespace plinth::lint {

std::string_view level_name(Level l) {
  switch (l) {
  case Level::style: return "style";
  case Level::info: return "info";
  case Level::warning: return "warning";
  case Level::error: return "error";
  }
  return "error";
}

std::optional<Level> parse_level(std::string_view s) {
  std::string lower(s);
  for (auto& c : lower) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  for (auto l : {Level::style, Level::info, Level::warning, Level::error}) {
    if (lower == level_name(l)) {
      return l;
    }
  }
  return std::nullopt;
}

} // namespace plinth::lint
