// SPDX-License-Identifier: Apache-2.0
// The streamed JSON and SARIF reports must equal, byte for byte, one nlohmann::json document
// dumped whole (how they were written before streaming; kept here as the reference).
#include "lint/engine.hpp"
#include "lint/report.hpp"
#include "lint/test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace plinth::lint {
namespace {

std::string dump(const nlohmann::json& doc) {
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string reference_json(const std::vector<FileReport>& reports) {
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
  return dump(arr);
}

// Only the results and the document shape: the rules come from the same code either way.
std::string reference_sarif(const std::vector<FileReport>& reports) {
  const auto streamed = nlohmann::json::parse(format_sarif(reports));
  auto results = nlohmann::json::array();
  const auto level = [](Level l) {
    return l == Level::error ? "error" : l == Level::warning ? "warning" : "note";
  };
  for (const auto& r : reports) {
    for (const auto& f : r.findings) {
      nlohmann::json region = {{"startLine", f.line > 0 ? f.line : 1},
                               {"startColumn", f.column > 0 ? f.column : 1}};
      if (f.end_line > f.line) {
        region["endLine"] = f.end_line;
      }
      results.push_back({{"ruleId", f.rule},
                         {"level", level(f.level)},
                         {"message", {{"text", f.message}}},
                         {"locations",
                          {{{"physicalLocation",
                             {{"artifactLocation", {{"uri", r.path}}}, {"region", region}}}}}}});
    }
  }
  nlohmann::json doc = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                        {"version", "2.1.0"},
                        {"runs", {{{"tool", streamed["runs"][0]["tool"]}, {"results", results}}}}};
  return dump(doc);
}

std::vector<std::vector<FileReport>> cases() {
  const std::string src =
      "FROM debian:12\nRUN apt-get install -y\tcurl && rm -rf /var/lib/apt/lists/*\n"
      "RUN cd /x \\\n && make\nADD http://example.com/a.tgz /a\n";
  return {
      {},
      {{"empty", "", {}}},
      {{"dir/Dockerfile", src, testing::lint_text(src)}, {"clean", "FROM x\n", {}}},
      {{"a\"b\\c\n",
        "",
        {{"PL1001", Level::error, "bad \xff\xfe byte, \x01 ctrl, tab\t, \"q\" \xc3\xa9", 1, 2, 3},
         {"PL1002", Level::style, "", 0, 0, 0},
         {"PL1003", Level::info, "m", 4, 1, 4}}}},
  };
}

TEST(ReportStream, JsonEqualsWholeDocumentDump) {
  for (const auto& c : cases()) {
    EXPECT_EQ(format_json(c), reference_json(c));
  }
}

TEST(ReportStream, SarifEqualsWholeDocumentDump) {
  for (const auto& c : cases()) {
    EXPECT_EQ(format_sarif(c), reference_sarif(c));
  }
}

} // namespace
} // namespace plinth::lint
