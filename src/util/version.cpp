// SPDX-License-Identifier: Apache-2.0
#include "util/version.hpp"

#include <charconv>

namespace plinth {

std::optional<Version> Version::parse(std::string_view text) {
  Version v;
  if (text.empty()) {
    return std::nullopt;
  }
  std::size_t pos = 0;
  while (true) {
    int value = 0;
    const auto* begin = text.data() + pos;
    const auto* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(begin, end, value);
    if (ec != std::errc{} || ptr == begin || value < 0) {
      return std::nullopt;
    }
    v.m_parts.push_back(value);
    v.m_texts.emplace_back(begin, ptr);
    pos = static_cast<std::size_t>(ptr - text.data());
    if (pos == text.size()) {
      return v;
    }
    if (text[pos] != '.' || pos + 1 == text.size()) {
      return std::nullopt;
    }
    ++pos;
  }
}

Version Version::truncated(std::size_t n) const {
  Version v;
  const auto count = static_cast<long>(std::min(n, m_parts.size()));
  v.m_parts.assign(m_parts.begin(), m_parts.begin() + count);
  v.m_texts.assign(m_texts.begin(), m_texts.begin() + count);
  return v;
}

bool Version::has_prefix(const Version& prefix) const {
  if (prefix.m_parts.size() > m_parts.size()) {
    return false;
  }
  for (std::size_t i = 0; i < prefix.m_parts.size(); ++i) {
    if (prefix.m_parts[i] != m_parts[i]) {
      return false;
    }
  }
  return true;
}

std::string Version::str() const {
  std::string out;
  for (std::size_t i = 0; i < m_parts.size(); ++i) {
    if (i > 0) {
      out += '.';
    }
    out += i < m_texts.size() ? m_texts[i] : std::to_string(m_parts[i]);
  }
  return out;
}

int compare(const Version& a, const Version& b) {
  const auto n = std::max(a.m_parts.size(), b.m_parts.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (a.part(i) != b.part(i)) {
      return a.part(i) < b.part(i) ? -1 : 1;
    }
  }
  return 0;
}

} // namespace plinth
