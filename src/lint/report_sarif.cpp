// SPDX-License-Identifier: Apache-2.0
// SARIF 2.1.0 for code-scanning UIs: every rule in tool.driver.rules, results pointing at
// artifact URIs with 1-based line and column regions. Streamed: one result at a time.
#include "lint/engine.hpp"
#include "lint/json_stream.hpp"
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

nlohmann::json result(const FileReport& r, const Finding& f) {
  nlohmann::json region = {{"startLine", f.line > 0 ? f.line : 1},
                           {"startColumn", f.column > 0 ? f.column : 1}};
  if (f.end_line > f.line) {
    region["endLine"] = f.end_line;
  }
  return {
      {"ruleId", f.rule},
      {"level", sarif_level(f.level)},
      {"message", {{"text", f.message}}},
      {"locations",
       {{{"physicalLocation", {{"artifactLocation", {{"uri", r.path}}}, {"region", region}}}}}}};
}

} // namespace

// Keys in the order nlohmann::json (a sorted map) would print them.
void write_sarif(std::ostream& out, const std::vector<FileReport>& reports) {
  out << "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
         "  \"runs\": [\n    {\n      \"results\": [";
  bool first = true;
  for (const auto& r : reports) {
    for (const auto& f : r.findings) {
      out << (first ? "\n        " : ",\n        ");
      first = false;
      write_json_value(out, result(r, f), 8);
    }
  }
  out << (first ? "],\n" : "\n      ],\n") << "      \"tool\": ";
  const nlohmann::json tool = {{"driver",
                                {{"name", "plinth-lint"},
                                 {"informationUri", "https://github.com/plinth-dev/plinth"},
                                 {"version", "0.1.0"},
                                 {"rules", driver_rules()}}}};
  write_json_value(out, tool, 6);
  out << "\n    }\n  ],\n  \"version\": \"2.1.0\"\n}\n";
}

} // namespace plinth::lint
