// SPDX-License-Identifier: Apache-2.0
// JSON: a flat array of {file, line, column, endLine, level, code, message}.
#include "lint/report.hpp"

#include <nlohmann/json.hpp>

namespace plinth::lint {

std::string format_json(const std::vector<FileReport>& reports) {
  auto arr = nlohmann::json::array();
  for (const auto& r : reports) {
    for (const auto& f : r.findings) {
      arr.push_back({{"file", r.path},
                     {"line", f.line},
                     {"column", f.column},
                     {"endLine", f.end_line},
                     {"level", level_name(f.level)},
                     {"code", f.rule},
                     {"message", f.message}});
    }
  }
  // Messages quote Dockerfile text, which need not be valid UTF-8.
  return arr.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

} // namespace plinth::lint
