// SPDX-License-Identifier: Apache-2.0
// Diagnostics: positioned problems in user input (stack files, Dockerfiles, data files).
// Parsers and validators report all of them at once, never just the first.
#pragma once

#include "util/line_index.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plinth {

struct SourcePos {
  std::string file;
  int line = 0;   // 1-based; 0 = unknown (whole file)
  int column = 0; // 1-based; 0 = unknown
};

enum class Severity { error, warning, note };

std::string_view severity_name(Severity s);

struct Diagnostic {
  Severity severity = Severity::error;
  SourcePos where;
  std::string message;
  std::string code; // stable id, e.g. "unknown-key"; used by tests and --json
};

// Collects diagnostics; copyable value.
class Diagnostics {
public:
  void error(SourcePos where, std::string code, std::string message);
  void warning(SourcePos where, std::string code, std::string message);
  void add(Diagnostic d) { m_items.push_back(std::move(d)); }
  void append(const Diagnostics& other);

  bool has_errors() const;
  std::size_t error_count() const;
  const std::vector<Diagnostic>& items() const { return m_items; }
  bool empty() const { return m_items.empty(); }
  // Stable order: by file, line, column, then insertion order.
  void sort();

private:
  std::vector<Diagnostic> m_items;
};

// "file:line:col: error: message" (line/col omitted when unknown).
std::string format_diagnostic(const Diagnostic& d);
// format_diagnostic plus the offending source line and a caret when `source` is given.
// Builds a LineIndex each call: for many diagnostics against one source, pass an index.
std::string format_diagnostic(const Diagnostic& d, std::string_view source);
std::string format_diagnostic(const Diagnostic& d, const LineIndex& source);

// The 1-based line `line` of `text`, without its newline; empty when out of range.
// Scans from the start: use LineIndex for more than one lookup.
std::string_view source_line(std::string_view text, int line);

// A source line as shown above a caret: the whole line when it is short, else a window of
// about k_snippet_width bytes around the column, with "…" where text was cut.
inline constexpr std::size_t k_snippet_width = 120;
struct Snippet {
  std::string text;      // the (windowed) line
  std::string caret_pad; // what goes before '^' so it sits under `column` (tabs kept)
};
// `column` is 1-based; 0 puts the caret at the start. Past the end: after the last byte.
Snippet snippet(std::string_view line, int column);

} // namespace plinth
