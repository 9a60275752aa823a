// SPDX-License-Identifier: Apache-2.0
#include "lint/engine.hpp"
#include "lint/report.hpp"
#include "util/diagnostic.hpp"

#include <sstream>

namespace plinth::lint {

std::optional<Format> parse_format(std::string_view n) {
  if (n == "text") {
    return Format::text;
  }
  if (n == "json") {
    return Format::json;
  }
  if (n == "sarif") {
    return Format::sarif;
  }
  if (n == "checkstyle") {
    return Format::checkstyle;
  }
  return std::nullopt;
}

void write_text(std::ostream& out, const std::vector<FileReport>& reports) {
  for (const auto& r : reports) {
    const LineIndex lines(r.source);
    for (const auto& f : r.findings) {
      out << r.path << ':' << f.line << ':' << f.column << ": " << level_name(f.level) << ": "
          << f.message << " [" << f.rule << "]\n";
      const auto line = lines.line(f.line);
      if (line.empty()) {
        continue;
      }
      const auto s = snippet(line, f.column);
      out << "  " << s.text << "\n  " << s.caret_pad << "^\n";
    }
  }
}

void write_report(std::ostream& out, const std::vector<FileReport>& reports, Format format) {
  switch (format) {
  case Format::text: write_text(out, reports); return;
  case Format::json: write_json(out, reports); return;
  case Format::sarif: write_sarif(out, reports); return;
  case Format::checkstyle: write_checkstyle(out, reports); return;
  }
}

std::string format_report(const std::vector<FileReport>& reports, Format format) {
  std::ostringstream out;
  write_report(out, reports, format);
  return std::move(out).str();
}

std::string format_text(const std::vector<FileReport>& reports) {
  return format_report(reports, Format::text);
}
std::string format_json(const std::vector<FileReport>& reports) {
  return format_report(reports, Format::json);
}
std::string format_sarif(const std::vector<FileReport>& reports) {
  return format_report(reports, Format::sarif);
}
std::string format_checkstyle(const std::vector<FileReport>& reports) {
  return format_report(reports, Format::checkstyle);
}

std::string rules_table() {
  std::string out;
  for (const auto* r : all_rules()) {
    std::string lvl(level_name(r->level));
    lvl.resize(9, ' ');
    out += std::string(r->id) + "  " + lvl + std::string(r->title) + "\n";
  }
  return out;
}

} // namespace plinth::lint
