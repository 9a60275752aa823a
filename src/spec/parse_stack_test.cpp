// SPDX-License-Identifier: Apache-2.0
#include "spec/parse_stack.hpp"
#include "spec/yaml_text.hpp"

#include <gtest/gtest.h>

using namespace plinth;

namespace {

std::string errors(const spec::ParseResult& r) {
  std::string out;
  for (const auto& d : r.diags.items())
    out += std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + " " + d.code +
           " " + d.message + "\n";
  return out;
}

const char* k_head = "version: 1\nregistry: r.example.com/ml\n";

} // namespace

TEST(ParseStack, DuplicateKeysInsideListsNameBothPositions) {
  const auto r = spec::parse_stack(
      std::string(k_head) + "images:\n  a:\n    copy:\n      - {src: x, dest: /x, src: y}\n",
      "s.yaml");
  EXPECT_NE(errors(r).find("6:28 duplicate-key duplicate key 'src' in images.a.copy[0]: first "
                           "written at line 6, column 10"),
            std::string::npos)
      << errors(r);
}

TEST(ParseStack, LintSectionIsReadAndJudgedBySpec) {
  const auto ok =
      spec::parse_stack(std::string(k_head) + "images: {}\nlint:\n  ignored: [PL2001]\n", "s.yaml");
  ASSERT_TRUE(ok.lint);
  EXPECT_EQ(ok.lint->ignored.count("PL2001"), 1u);
  const auto bad =
      spec::parse_stack(std::string(k_head) + "images: {}\nlint:\n  ignord: [x]\n", "s.yaml");
  EXPECT_TRUE(bad.diags.has_errors()) << errors(bad);
}

TEST(ParseStack, ControlCharactersInKeysAndDecodedValues) {
  const auto key = spec::parse_stack(std::string(k_head) + "images:\n  \"a\\tb\": {}\n", "s.yaml");
  EXPECT_NE(errors(key).find("4:3 control-character a key in images contains the control "
                             "character U+0009"),
            std::string::npos)
      << errors(key);
  const auto value =
      spec::parse_stack(std::string(k_head) + "name: \"x\\u0085y\"\nimages: {}\n", "s.yaml");
  EXPECT_NE(errors(value).find("control character U+0085"), std::string::npos) << errors(value);
}

TEST(ParseStack, RawTextMustBeUtf8WithoutControls) {
  Diagnostics d;
  EXPECT_TRUE(spec::check_text("a: b\r\nc: \xC3\xA4\td\n", "s.yaml", d));
  EXPECT_FALSE(spec::check_text("a: b\nc: x\x01y\n", "s.yaml", d));
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_EQ(d.items()[0].where.line, 2);
  EXPECT_EQ(d.items()[0].where.column, 5);
  Diagnostics lone_cr;
  EXPECT_FALSE(spec::check_text("a: b\rc: d\n", "s.yaml", lone_cr));
}

TEST(ParseStack, YamlErrorsBecomeSentences) {
  EXPECT_EQ(spec::explain_yaml_error("end of map flow not found"),
            "a '{' map is not closed with '}'");
  EXPECT_EQ(spec::explain_yaml_error("unknown escape character: q"),
            "a double-quoted string has an unknown escape sequence (write '\\\\' for a backslash "
            "or use single quotes): q");
  EXPECT_EQ(spec::explain_yaml_error("something new"), "something new");
  const auto r = spec::parse_stack("a: [1, 2\n", "s.yaml");
  EXPECT_NE(errors(r).find("yaml-syntax a '[' list is not closed with ']'"), std::string::npos)
      << errors(r);
}

TEST(ParseStack, BuildMetadataVersionIsValid) {
  const auto r = spec::parse_stack(std::string(k_head) + "images:\n  a:\n    tier: base\n    "
                                                         "version: 1.0.0+build.1\n",
                                   "s.yaml");
  EXPECT_EQ(errors(r).find("version"), std::string::npos) << errors(r);
}
