// SPDX-License-Identifier: Apache-2.0
#include "lint/pragmas.hpp"
#include "lint/test_support.hpp"

#include <gtest/gtest.h>

namespace plinth::lint {
namespace {

using testing::config_from;
using testing::fires;
using testing::lint_text;

constexpr const char* k_unpinned =
    "FROM debian:12\n"
    "%s"
    "RUN apt-get update && apt-get install -y --no-install-recommends curl \\\n"
    "    && rm -rf /var/lib/apt/lists/*\n";

std::string with(const std::string& comments) {
  std::string s = k_unpinned;
  return s.replace(s.find("%s"), 2, comments);
}

TEST(Pragma, Grammar) {
  auto p = parse_pragma(" plinth-lint ignore=PL2003, PL4001  # vendor policy");
  ASSERT_TRUE(p);
  EXPECT_FALSE(p->global);
  EXPECT_EQ(p->ids, (std::vector<std::string>{"PL2003", "PL4001"}));
  p = parse_pragma("plinth-lint global ignore=PL3001");
  ASSERT_TRUE(p);
  EXPECT_TRUE(p->global);
  EXPECT_FALSE(parse_pragma("plinth-lint ignore"));
  EXPECT_FALSE(parse_pragma("hadolint ignore=DL3008"));
  EXPECT_FALSE(parse_pragma("plinth-lintignore=PL1"));
}

TEST(InlineIgnore, LineBefore) {
  EXPECT_TRUE(fires("PL2003", with("")));
  EXPECT_FALSE(fires("PL2003", with("# plinth-lint ignore=PL2003\n")));
  EXPECT_TRUE(fires("PL2003", with("# plinth-lint ignore=PL4001\n")));
}

TEST(InlineIgnore, InCommentBlockAbove) {
  EXPECT_FALSE(fires("PL2003", with("# plinth-lint ignore=PL2003\n# Install tools.\n")));
  // A blank line ends the block directly above the instruction.
  EXPECT_TRUE(fires("PL2003", with("# plinth-lint ignore=PL2003\n\n# Install tools.\n")));
  EXPECT_TRUE(fires("PL2003", with("# plinth-lint ignore=PL2003\n\n")));
}

TEST(InlineIgnore, GlobalAndDisabled) {
  const std::string df = "# plinth-lint global ignore=PL2003\n" + with("");
  EXPECT_FALSE(fires("PL2003", df));
  EXPECT_TRUE(fires("PL2003", df, config_from("inline-ignores: false")));
}

TEST(InlineIgnore, CannotHideParseErrors) {
  EXPECT_TRUE(fires("PL1000", "FROM d\n# plinth-lint ignore=PL1000\nRUN <<EOF\n"));
}

TEST(Config, IgnoredAndOverrides) {
  EXPECT_FALSE(fires("PL2003", with(""), config_from("ignored: [PL2003]")));
  auto f =
      testing::only_rule(lint_text(with(""), config_from("severity: {PL2003: error}")), "PL2003");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].level, Level::error);
  f = testing::only_rule(lint_text(with(""), config_from("override: {info: [PL2003]}")), "PL2003");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].level, Level::info);
}

TEST(Config, DigestRuleIsConfigurable) {
  const char* df = "FROM registry.example.com/base:1\nFROM plinth.local/debian:bookworm-20241202\n";
  auto f = testing::only_rule(lint_text(df), "PL2004");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].line, 1);
  EXPECT_FALSE(
      fires("PL2004", df, config_from("digest-exempt: [registry.example.com/, plinth.local/]")));
  EXPECT_FALSE(fires("PL2004", df, config_from("require-digest: false")));
}

TEST(Config, ParseErrorsArePositioned) {
  Diagnostics d;
  const auto c = parse_config(YAML::Load("ignored: [PL1]\nfailure-treshold: error\n"), d, "x.yaml");
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_EQ(d.items()[0].where.line, 2);
  EXPECT_NE(d.items()[0].message.find("failure-threshold"), std::string::npos);
  Diagnostics d2;
  const auto c2 =
      parse_config(YAML::Load("failure-threshold: loud\ntrusted-registries: docker.io"), d2);
  EXPECT_EQ(d2.items().size(), 1u);
  EXPECT_EQ(c2.trusted_registries, (std::vector<std::string>{"docker.io"}));
  EXPECT_EQ(c2.threshold, Level::warning);
}

TEST(Threshold, Fails) {
  const auto f = lint_text(with(""));
  EXPECT_TRUE(fails(f, Level::warning));
  EXPECT_FALSE(fails(f, Level::error));
  EXPECT_FALSE(fails({}, Level::style));
}

TEST(Engine, FindingsAreSortedAndReusable) {
  Engine e;
  const auto a = e.lint(with(""));
  const auto b = e.lint(with(""));
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 1; i < a.size(); ++i) {
    EXPECT_LE(a[i - 1].line, a[i].line);
  }
}

TEST(Engine, ParseErrorsAreFindings) {
  const auto f = lint_text("FROM d\nCMD [\"a\", 1]\n");
  ASSERT_FALSE(testing::only_rule(f, "PL1000").empty());
  EXPECT_EQ(testing::only_rule(f, "PL1000")[0].line, 2);
}

} // namespace
} // namespace plinth::lint
