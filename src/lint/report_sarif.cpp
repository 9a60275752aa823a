// SPDX-License-Identifier: Apache-2.0
// SARIF 2.1.0 for code-scanning UIs: every rule in tool.driver.rules, results pointing at
// artifact URIs with 1-based line and column regions.
#include "lint/engine.hpp"
#include "lint/report.hpp"

#include <nlohmann/json.hpp>

namespace plinth::lint {
namespace {

std::string_view sarif_level(Level l) {
  switch (l) {
  case Level::error: return "error";
  case Level::warning: return "warning";
  case Level::info:
  case Level::style: return "note";
  }
  return "warning";
}

nlohmann::json driver_rules() {
  auto rules = nlohmann::json::array();
  for (const auto* r : all_rules()) {
    rules.push_back(
        {{"id", r->id},
         {"name", r->title},
         {"shortDescription", {{"text", r->title}}},
         {"fullDescription", {{"text", r->description}}},
         {"helpUri", "https://github.com/plinth-dev/plinth/blob/main/docs/lint-rules.md#" +
                         [&] {
                           std::string a(r->id);
                           for (auto& c : a) {
                             c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
                           }
                           return a;
                         }()},
         {"defaultConfiguration", {{"level", sarif_level(r->level)}}}});
  }
  return rules;
}

} // namespace

std::string format_sarif(const std::vector<FileReport>& reports) {
  auto results = nlohmann::json::array();
  for (const auto& r : reports) {
    for (const auto& f : r.findings) {
      nlohmann::json region = {{"startLine", f.line > 0 ? f.line : 1},
                               {"startColumn", f.column > 0 ? f.column : 1}};
      if (f.end_line > f.line) {
        region["endLine"] = f.end_line;
      }
      results.push_back({{"ruleId", f.rule},
                         {"level", sarif_level(f.level)},
                         {"message", {{"text", f.message}}},
                         {"locations",
                          {{{"physicalLocation",
                             {{"artifactLocation", {{"uri", r.path}}}, {"region", region}}}}}}});
    }
  }
  nlohmann::json doc = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                        {"version", "2.1.0"},
                        {"runs",
                         {{{"tool",
                            {{"driver",
                              {{"name", "plinth-lint"},
                               {"informationUri", "https://github.com/plinth-dev/plinth"},
                               {"version", "0.1.0"},
                               {"rules", driver_rules()}}}}},
                           {"results", results}}}}};
  // Messages quote Dockerfile text, which need not be valid UTF-8.
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

} // namespace plinth::lint
