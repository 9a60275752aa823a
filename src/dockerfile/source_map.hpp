// SPDX-License-Identifier: Apache-2.0
// Physical lines and the logical line built from them: continuation lines are joined into
// one string, and a segment table maps every byte of it back to its source line and column.
#pragma once

#include "dockerfile/ast.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace plinth::dockerfile {

struct PhysicalLine {
  std::string_view text; // without the line ending
  int number = 0;        // 1-based
};

// Splits on '\n', trims a trailing '\r' and drops a UTF-8 byte-order mark.
std::vector<PhysicalLine> split_lines(std::string_view source);

class LogicalLine {
public:
  // Empties the line, keeping its buffers for the next one.
  void clear();
  // Appends `piece`, whose first byte sits at `pos` in the source.
  void append(std::string_view piece, Pos pos);
  // Drops trailing bytes (the continuation escape and blanks after it).
  void truncate(std::size_t size);
  const std::string& text() const { return m_text; }
  // The source position of byte `offset` (the end maps one past the last byte).
  Pos pos_at(std::size_t offset) const;
  // The segments covering text()[from..], with offsets relative to `from`.
  std::vector<std::pair<std::size_t, Pos>> segments_from(std::size_t from) const;
  // How many pieces start after byte `from` (0: the text from there is one piece).
  std::size_t segments_after(std::size_t from) const;
  int first_line() const { return m_segments.empty() ? 0 : m_segments.front().pos.line; }

private:
  struct Segment {
    std::size_t offset;
    Pos pos;
  };
  std::string m_text;
  std::vector<Segment> m_segments;
};

} // namespace plinth::dockerfile
