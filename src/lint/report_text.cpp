// SPDX-License-Identifier: Apache-2.0
#include "lint/engine.hpp"
#include "lint/report.hpp"
#include "util/diagnostic.hpp"

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

std::string format_text(const std::vector<FileReport>& reports) {
  std::string out;
  for (const auto& r : reports) {
    for (const auto& f : r.findings) {
      out += r.path + ":" + std::to_string(f.line) + ":" + std::to_string(f.column) + ": " +
             std::string(level_name(f.level)) + ": " + f.message + " [" + f.rule + "]\n";
      const auto line = source_line(r.source, f.line);
      if (line.empty()) {
        continue;
      }
      out += "  " + std::string(line) + "\n  ";
      // Keep tabs so the caret lines up under the offending column.
      for (int i = 1; i < f.column && static_cast<std::size_t>(i - 1) < line.size(); ++i) {
        out += line[static_cast<std::size_t>(i - 1)] == '\t' ? '\t' : ' ';
      }
      out += "^\n";
    }
  }
  return out;
}

std::string format_report(const std::vector<FileReport>& reports, Format format) {
  switch (format) {
  case Format::text: return format_text(reports);
  case Format::json: return format_json(reports);
  case Format::sarif: return format_sarif(reports);
  case Format::checkstyle: return format_checkstyle(reports);
  }
  return {};
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
