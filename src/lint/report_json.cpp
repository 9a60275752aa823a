// SPDX-License-Identifier: Apache-2.0
// JSON: a flat array of {file, line, column, endLine, level, code, message}, streamed.
#include "lint/json_stream.hpp"
#include "lint/report.hpp"

namespace plinth::lint {

void write_json(std::ostream& out, const std::vector<FileReport>& reports) {
  bool first = true;
  for (const auto& r : reports) {
    for (const auto& f : r.findings) {
      out << (first ? "[\n  " : ",\n  ");
      first = false;
      write_json_value(out,
                       {{"file", r.path},
                        {"line", f.line},
                        {"column", f.column},
                        {"endLine", f.end_line},
                        {"level", level_name(f.level)},
                        {"code", f.rule},
                        {"message", f.message}},
                       2);
    }
  }
  out << (first ? "[]\n" : "\n]\n");
}

} // namespace plinth::lint
