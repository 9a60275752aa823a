// SPDX-License-Identifier: Apache-2.0
#include "util/diagnostic.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace plinth {

std::string_view severity_name(Severity s) {
  switch (s) {
  case Severity::error: return "error";
  case Severity::warning: return "warning";
  case Severity::note: return "note";
  }
  return "error";
}

void Diagnostics::error(SourcePos where, std::string code, std::string message) {
  m_items.push_back({Severity::error, std::move(where), std::move(message), std::move(code)});
}

void Diagnostics::warning(SourcePos where, std::string code, std::string message) {
  m_items.push_back({Severity::warning, std::move(where), std::move(message), std::move(code)});
}

void Diagnostics::append(const Diagnostics& other) {
  m_items.insert(m_items.end(), other.m_items.begin(), other.m_items.end());
}

bool Diagnostics::has_errors() const {
  return error_count() > 0;
}

std::size_t Diagnostics::error_count() const {
  return static_cast<std::size_t>(std::count_if(
      m_items.begin(), m_items.end(), [](const auto& d) { return d.severity == Severity::error; }));
}

void Diagnostics::sort() {
  std::stable_sort(m_items.begin(), m_items.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.where.file != b.where.file) {
      return a.where.file < b.where.file;
    }
    if (a.where.line != b.where.line) {
      return a.where.line < b.where.line;
    }
    return a.where.column < b.where.column;
  });
}

std::string format_diagnostic(const Diagnostic& d) {
  // fmt rather than chained std::string operator+, which trips GCC 12's -Wrestrict at -O3.
  std::string pos;
  if (d.where.line > 0) {
    pos = d.where.column > 0 ? fmt::format(":{}:{}", d.where.line, d.where.column)
                             : fmt::format(":{}", d.where.line);
  }
  return fmt::format("{}{}: {}: {}", d.where.file, pos, severity_name(d.severity), d.message);
}

std::string_view source_line(std::string_view text, int line) {
  if (line < 1) {
    return {};
  }
  std::size_t start = 0;
  for (int i = 1; i < line; ++i) {
    const auto nl = text.find('\n', start);
    if (nl == std::string_view::npos) {
      return {};
    }
    start = nl + 1;
  }
  auto end = text.find('\n', start);
  if (end == std::string_view::npos) {
    end = text.size();
  }
  auto l = text.substr(start, end - start);
  if (!l.empty() && l.back() == '\r') {
    l.remove_suffix(1);
  }
  return l;
}

namespace {

bool is_utf8_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

} // namespace

Snippet snippet(std::string_view line, int column) {
  const std::size_t col = std::min(static_cast<std::size_t>(std::max(column, 1) - 1), line.size());
  std::size_t start = 0;
  std::size_t end = line.size();
  if (line.size() > k_snippet_width) {
    // Centre the column, then slide the window back inside the line.
    start = col > k_snippet_width / 2 ? col - k_snippet_width / 2 : 0;
    end = std::min(line.size(), start + k_snippet_width);
    start = end - k_snippet_width;
    // Never cut a UTF-8 sequence in half.
    while (start > 0 && start < col && is_utf8_continuation(line[start])) {
      ++start;
    }
    while (end < line.size() && end > col && is_utf8_continuation(line[end])) {
      --end;
    }
  }
  constexpr std::string_view k_cut = "\xE2\x80\xA6"; // "…", one column wide
  Snippet out;
  if (start > 0) {
    out.text = k_cut;
    out.caret_pad = " ";
  }
  // Control characters are shown as U+FFFD: the line is untrusted input, and an escape
  // sequence must not reach the user's terminal.
  for (const char c : line.substr(start, end - start)) {
    const auto b = static_cast<unsigned char>(c);
    if ((b < 0x20 && c != '\t') || b == 0x7F) {
      out.text += "\xEF\xBF\xBD";
    } else {
      out.text += c;
    }
  }
  if (end < line.size()) {
    out.text += k_cut;
  }
  // One pad column per character, not per byte, so the caret stays under UTF-8 text.
  for (std::size_t i = start; i < col; ++i) {
    if (is_utf8_continuation(line[i])) continue;
    out.caret_pad += line[i] == '\t' ? '\t' : ' ';
  }
  return out;
}

std::string format_diagnostic(const Diagnostic& d, const LineIndex& source) {
  std::string out = format_diagnostic(d);
  const auto line = source.line(d.where.line);
  if (d.where.line > 0 && !line.empty()) {
    const auto s = snippet(line, d.where.column);
    out += "\n    ";
    out += s.text;
    if (d.where.column > 0) {
      out += "\n    ";
      out += s.caret_pad;
      out += '^';
    }
  }
  return out;
}

std::string format_diagnostic(const Diagnostic& d, std::string_view source) {
  return format_diagnostic(d, LineIndex(source));
}

} // namespace plinth
