// SPDX-License-Identifier: Apache-2.0
#include "util/size.hpp"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <string>

namespace plinth {

std::optional<std::int64_t> parse_size(std::string_view text) {
  if (text.empty()) {
    return std::nullopt;
  }
  std::string s(text);
  std::int64_t unit = 1;
  char last = static_cast<char>(std::tolower(static_cast<unsigned char>(s.back())));
  if (last == 'b' && s.size() > 1) { // "8gb" / "8GB"
    s.pop_back();
    last = static_cast<char>(std::tolower(static_cast<unsigned char>(s.back())));
  }
  switch (last) {
  case 'k': unit = 1024; break;
  case 'm': unit = 1024LL * 1024; break;
  case 'g': unit = 1024LL * 1024 * 1024; break;
  case 't': unit = 1024LL * 1024 * 1024 * 1024; break;
  default: break;
  }
  if (unit != 1) {
    s.pop_back();
  }
  if (s.empty() || !(std::isdigit(static_cast<unsigned char>(s[0])) != 0)) {
    return std::nullopt;
  }
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !(v > 0) || !std::isfinite(v) ||
      v * static_cast<double>(unit) > 9.0e18) {
    return std::nullopt;
  }
  return static_cast<std::int64_t>(std::llround(v * static_cast<double>(unit)));
}

} // namespace plinth
