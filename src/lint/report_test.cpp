// SPDX-License-Identifier: Apache-2.0
#include "lint/report.hpp"
#include "lint/test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace plinth::lint {
namespace {

std::vector<FileReport> sample() {
  const std::string src =
      "FROM debian:12\nRUN apt-get install -y\tcurl && rm -rf /var/lib/apt/lists/*\n";
  return {{"dir/Dockerfile", src, testing::lint_text(src)}};
}

TEST(Report, TextHasSourceLineAndCaret) {
  const auto out = format_text(sample());
  EXPECT_NE(out.find("dir/Dockerfile:2:24: warning: apt-get install without version pins: curl"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("  RUN apt-get install -y\tcurl"), std::string::npos);
  EXPECT_NE(out.find("\n  " + std::string(22, ' ') + "\t^\n"), std::string::npos) << out;
}

TEST(Report, Json) {
  const auto j = nlohmann::json::parse(format_json(sample()));
  ASSERT_TRUE(j.is_array());
  bool seen = false;
  for (const auto& f : j) {
    EXPECT_EQ(f["file"], "dir/Dockerfile");
    if (f["code"] == "PL2003") {
      seen = true;
      EXPECT_EQ(f["line"], 2);
      EXPECT_EQ(f["column"], 24);
      EXPECT_EQ(f["level"], "warning");
    }
  }
  EXPECT_TRUE(seen);
}

TEST(Report, SarifStructure) {
  const auto j = nlohmann::json::parse(format_sarif(sample()));
  EXPECT_EQ(j["version"], "2.1.0");
  EXPECT_NE(j["$schema"].get<std::string>().find("sarif-2.1.0"), std::string::npos);
  ASSERT_EQ(j["runs"].size(), 1u);
  const auto& run = j["runs"][0];
  const auto& rules = run["tool"]["driver"]["rules"];
  EXPECT_EQ(run["tool"]["driver"]["name"], "plinth-lint");
  ASSERT_EQ(rules.size(), all_rules().size());
  for (const auto& r : rules) {
    EXPECT_TRUE(r["id"].is_string());
    EXPECT_TRUE(r["shortDescription"]["text"].is_string());
    const auto lvl = r["defaultConfiguration"]["level"].get<std::string>();
    EXPECT_TRUE(lvl == "error" || lvl == "warning" || lvl == "note") << lvl;
  }
  ASSERT_FALSE(run["results"].empty());
  for (const auto& res : run["results"]) {
    EXPECT_TRUE(res["ruleId"].is_string());
    const auto lvl = res["level"].get<std::string>();
    EXPECT_TRUE(lvl == "error" || lvl == "warning" || lvl == "note" || lvl == "none");
    EXPECT_TRUE(res["message"]["text"].is_string());
    ASSERT_TRUE(res["locations"].is_array());
    const auto& pl = res["locations"][0]["physicalLocation"];
    EXPECT_EQ(pl["artifactLocation"]["uri"], "dir/Dockerfile");
    EXPECT_GE(pl["region"]["startLine"].get<int>(), 1);
    EXPECT_GE(pl["region"]["startColumn"].get<int>(), 1);
    bool known = false;
    for (const auto& r : rules) {
      known = known || r["id"] == res["ruleId"];
    }
    EXPECT_TRUE(known) << res["ruleId"];
  }
}

TEST(Report, CheckstyleEscapes) {
  std::vector<FileReport> r = {{"a\"b", "", {{"PL1001", Level::error, "<&>", 1, 2, 1}}}};
  const auto out = format_checkstyle(r);
  EXPECT_NE(out.find("<file name=\"a&quot;b\">"), std::string::npos);
  EXPECT_NE(out.find("message=\"&lt;&amp;&gt;\""), std::string::npos);
  EXPECT_NE(out.find("source=\"plinth-lint.PL1001\""), std::string::npos);
  EXPECT_NE(out.find("severity=\"error\""), std::string::npos);
}

TEST(Docs, LintRulesMarkdownIsUpToDate) {
  const std::string path = std::string(PLINTH_SOURCE_DIR) + "/docs/lint-rules.md";
  if (std::getenv("PLINTH_UPDATE_DOCS") != nullptr) {
    std::ofstream(path, std::ios::binary) << rules_markdown();
  }
  std::ifstream in(std::string(PLINTH_SOURCE_DIR) + "/docs/lint-rules.md");
  ASSERT_TRUE(in) << "docs/lint-rules.md missing; run `plinth lint --list-rules --format markdown`";
  std::stringstream ss;
  ss << in.rdbuf();
  EXPECT_EQ(ss.str(), rules_markdown())
      << "docs/lint-rules.md is stale; regenerate with "
         "`plinth lint --list-rules --format markdown > docs/lint-rules.md`";
}

TEST(Docs, EveryRuleDocumented) {
  const auto md = rules_markdown();
  for (const auto* r : all_rules()) {
    EXPECT_NE(md.find("## " + std::string(r->id) + "\n"), std::string::npos) << r->id;
  }
}

} // namespace
} // namespace plinth::lint

namespace plinth::lint {
namespace {

TEST(Report, InvalidUtf8DoesNotThrow) {
  std::vector<FileReport> r = {{"x", "", {{"PL1001", Level::error, "bad \xff\xfe byte", 1, 1, 1}}}};
  EXPECT_NO_THROW((void)format_json(r));
  EXPECT_NO_THROW((void)format_sarif(r));
}

} // namespace
} // namespace plinth::lint
