// SPDX-License-Identifier: Apache-2.0
#include "dockerfile/substitution.hpp"

#include <gtest/gtest.h>

#include <map>

namespace plinth::dockerfile {
namespace {

std::string ex(std::string_view w) {
  static const std::map<std::string, std::string, std::less<>> env = {
      {"v", "hello.tar.gz"}, {"empty", ""}, {"A", "a"}};
  const Lookup l = [](std::string_view n) -> const std::string* {
    const auto it = env.find(n);
    return it == env.end() ? nullptr : &it->second;
  };
  return expand_word(w, l).value;
}

TEST(Substitution, PlainAndBraced) {
  EXPECT_EQ(ex("$v"), "hello.tar.gz");
  EXPECT_EQ(ex("${v}x"), "hello.tar.gzx");
  EXPECT_EQ(ex("he$1x"), "hex");
  EXPECT_EQ(ex("$.a"), "$.a");
  EXPECT_EQ(ex("\\$v"), "$v");
  EXPECT_EQ(ex("'$v'"), "$v");
  EXPECT_EQ(ex("\"$v\""), "hello.tar.gz");
}

TEST(Substitution, DefaultsAndAlternates) {
  EXPECT_EQ(ex("${unset:-x}"), "x");
  EXPECT_EQ(ex("${empty:-x}"), "x");
  EXPECT_EQ(ex("${empty-x}"), "");
  EXPECT_EQ(ex("${unset-x}"), "x");
  EXPECT_EQ(ex("${A:+y}"), "y");
  EXPECT_EQ(ex("${empty:+y}"), "");
  EXPECT_EQ(ex("${empty+y}"), "y");
  EXPECT_EQ(ex("${unset+y}"), "");
  EXPECT_EQ(ex("${A:+-$A}"), "-a");
  EXPECT_EQ(ex("${unset:-${A}b}"), "ab");
}

TEST(Substitution, Patterns) {
  EXPECT_EQ(ex("${v#*.}"), "tar.gz");
  EXPECT_EQ(ex("${v##*.}"), "gz");
  EXPECT_EQ(ex("${v%.*}"), "hello.tar");
  EXPECT_EQ(ex("${v%%.*}"), "hello");
  EXPECT_EQ(ex("${v/./-}"), "hello-tar.gz");
  EXPECT_EQ(ex("${v//./-}"), "hello-tar-gz");
  EXPECT_EQ(ex("${v/l?/L}"), "heLo.tar.gz");
}

TEST(Substitution, ErrorsAndUndefined) {
  const Lookup none = [](std::string_view) -> const std::string* { return nullptr; };
  auto r = expand_word("${unset:?must be set}", none);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("must be set"), std::string::npos);
  EXPECT_FALSE(expand_word("${}", none).errors.empty());
  EXPECT_FALSE(expand_word("${a", none).errors.empty());
  EXPECT_FALSE(expand_word("${a:0:2}", none).errors.empty());
  r = expand_word("$x ${y} ${z:-d}", none);
  EXPECT_EQ(r.undefined, (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(r.referenced.size(), 3u);
}

TEST(Glob, Match) {
  EXPECT_TRUE(glob_match("*", ""));
  EXPECT_TRUE(glob_match("a*c", "abbbc"));
  EXPECT_FALSE(glob_match("a?c", "ac"));
  EXPECT_TRUE(glob_match("a\\*", "a*"));
  EXPECT_FALSE(glob_match("a\\*", "ab"));
}

} // namespace
} // namespace plinth::dockerfile
