// SPDX-License-Identifier: Apache-2.0
// Word splitting as BuildKit does it for instruction arguments: whitespace separates words
// except inside '…' or "…"; the escape character protects the next character.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace plinth::dockerfile {

struct WordSpan {
  std::size_t begin = 0; // offsets into the split text
  std::size_t end = 0;
};

inline bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}
// The first index at or after `i` that is not a space or tab.
inline std::size_t skip_blank(std::string_view s, std::size_t i) {
  while (i < s.size() && is_blank(s[i])) {
    ++i;
  }
  return i;
}

// Word boundaries in `text` from `from` on.
std::vector<WordSpan> split_word_spans(std::string_view text, std::size_t from, char escape);
// Same, into `out` (cleared first), so a caller can reuse its buffer.
void split_word_spans(std::string_view text, std::size_t from, char escape,
                      std::vector<WordSpan>& out);

// Removes quotes and escapes: '…' is literal; in "…" the escape character only escapes
// '"', '$' and itself; outside quotes it escapes any character.
std::string unquote(std::string_view raw, char escape);

// The end of the word starting at `from` (first blank outside quotes, or text.size()).
std::size_t word_end(std::string_view text, std::size_t from, char escape);

} // namespace plinth::dockerfile
