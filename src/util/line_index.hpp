// SPDX-License-Identifier: Apache-2.0
// Line lookup in a text, built once: O(1) per line where source_line() rescans from line 1.
// Use one index when formatting many diagnostics against the same source.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace plinth {

// --- Interface ---

class LineIndex {
public:
  // Indexes `text`, which must outlive the index.
  explicit LineIndex(std::string_view text);

  // The 1-based line `line`, without its "\n" or "\r\n"; empty when out of range.
  std::string_view line(int line) const;
  // Lines as source_line() counts them: a text ending in "\n" has an empty last line.
  int line_count() const { return static_cast<int>(m_starts.size()); }
  std::string_view text() const { return m_text; }

private:
  std::string_view m_text;
  std::vector<std::size_t> m_starts; // byte offset of each line
};

} // namespace plinth
