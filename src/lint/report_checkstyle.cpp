// SPDX-License-Identifier: Apache-2.0
// Checkstyle XML, as Jenkins/GitLab plugins read it.
#include "lint/report.hpp"

namespace plinth::lint {
namespace {

std::string xml_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    case '\'': out += "&apos;"; break;
    default:
      // XML 1.0 forbids most control characters.
      if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n') {
        out += c;
      }
    }
  }
  return out;
}

std::string_view checkstyle_severity(Level l) {
  switch (l) {
  case Level::error: return "error";
  case Level::warning: return "warning";
  case Level::info:
  case Level::style: return "info";
  }
  return "warning";
}

} // namespace

void write_checkstyle(std::ostream& out, const std::vector<FileReport>& reports) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n";
  for (const auto& r : reports) {
    out << "  <file name=\"" << xml_escape(r.path) << "\">\n";
    for (const auto& f : r.findings) {
      out << "    <error line=\"" << f.line << "\" column=\"" << f.column << "\" severity=\""
          << checkstyle_severity(f.level) << "\" message=\"" << xml_escape(f.message)
          << "\" source=\"plinth-lint." << f.rule << "\"/>\n";
    }
    out << "  </file>\n";
  }
  out << "</checkstyle>\n";
}

} // namespace plinth::lint
