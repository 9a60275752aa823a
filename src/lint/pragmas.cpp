// SPDX-License-Identifier: Apache-2.0
#include "lint/pragmas.hpp"

namespace plinth::lint {
namespace {

bool space_or_tab(char c) {
  return c == ' ' || c == '\t';
}

bool eat(std::string_view& s, std::string_view word) {
  if (s.substr(0, word.size()) != word) {
    return false;
  }
  s.remove_prefix(word.size());
  return true;
}

void skip_blank(std::string_view& s) {
  while (!s.empty() && space_or_tab(s.front())) {
    s.remove_prefix(1);
  }
}

bool id_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

} // namespace

std::optional<Pragma> parse_pragma(std::string_view s) {
  skip_blank(s);
  if (!eat(s, "plinth-lint") || s.empty() || !space_or_tab(s.front())) {
    return std::nullopt;
  }
  skip_blank(s);
  Pragma p;
  if (eat(s, "global")) {
    p.global = true;
    skip_blank(s);
  }
  if (!eat(s, "ignore")) {
    return std::nullopt;
  }
  skip_blank(s);
  if (!eat(s, "=")) {
    return std::nullopt;
  }
  skip_blank(s);
  while (true) {
    std::size_t n = 0;
    while (n < s.size() && id_char(s[n])) {
      ++n;
    }
    if (n == 0) {
      return std::nullopt;
    }
    p.ids.emplace_back(s.substr(0, n));
    s.remove_prefix(n);
    skip_blank(s);
    if (!eat(s, ",")) {
      break;
    }
    skip_blank(s);
  }
  // Anything after the list is a free-text rationale.
  return p;
}

} // namespace plinth::lint
