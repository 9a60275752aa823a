// SPDX-License-Identifier: Apache-2.0
#include "util/line_index.hpp"

#include <cstring>

namespace plinth {

LineIndex::LineIndex(std::string_view text) : m_text(text) {
  m_starts.push_back(0);
  const char* const begin = text.data();
  const char* p = begin;
  const char* const end = begin + text.size();
  while (p < end) {
    const auto* nl =
        static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    if (nl == nullptr) {
      break;
    }
    p = nl + 1;
    m_starts.push_back(static_cast<std::size_t>(p - begin));
  }
}

std::string_view LineIndex::line(int line) const {
  if (line < 1 || line > line_count()) {
    return {};
  }
  const auto i = static_cast<std::size_t>(line - 1);
  const std::size_t start = m_starts[i];
  std::size_t end = i + 1 < m_starts.size() ? m_starts[i + 1] - 1 : m_text.size();
  if (end > start && m_text[end - 1] == '\r') {
    --end;
  }
  return m_text.substr(start, end - start);
}

} // namespace plinth
