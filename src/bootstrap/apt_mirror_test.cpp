// SPDX-License-Identifier: Apache-2.0
#include "bootstrap/apt_mirror.hpp"

#include <gtest/gtest.h>

namespace plinth::bootstrap {
namespace {

TEST(AptMirror, ReadsOneLineFormatWithOptions) {
  const auto s = parse_sources_list(
      "# comment\ndeb [arch=amd64 signed-by=/k.gpg] http://mirror.corp/debian bookworm main\n"
      "deb-src http://src.corp/debian bookworm main\n");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].uri, "http://mirror.corp/debian");
  EXPECT_EQ(pick_mirror(s, "bookworm"), "http://mirror.corp/debian");
}

TEST(AptMirror, ReadsDeb822AndSkipsSecurityAndDisabled) {
  const auto text =
      "Types: deb\nURIs: http://mirror.corp/debian-security\nSuites: bookworm-security\n\n"
      "Types: deb\nURIs: http://off.corp/debian\nSuites: bookworm\nEnabled: no\n\n"
      "Types: deb deb-src\n# http://snapshot.example/\nURIs: http://mirror.corp/debian/\n"
      "Suites: bookworm bookworm-updates\nComponents: main\n";
  const auto s = parse_deb822_sources(text);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(pick_mirror(s, "bookworm"), "http://mirror.corp/debian");
  EXPECT_EQ(pick_mirror(s, "trixie"), "");
}

TEST(AptMirror, FileKindByName) {
  const std::string one_line = "deb http://a/debian bookworm main\n";
  const std::string deb822 = "Types: deb\nURIs: http://b/debian\nSuites: bookworm\n";
  ASSERT_EQ(parse_sources_file("corp.list", one_line).size(), 1U);
  EXPECT_EQ(parse_sources_file("corp.list", one_line)[0].uri, "http://a/debian");
  ASSERT_EQ(parse_sources_file("debian.sources", deb822).size(), 1U);
  EXPECT_EQ(parse_sources_file("debian.sources", deb822)[0].uri, "http://b/debian");
  EXPECT_TRUE(parse_sources_file("debian.sources.bak", deb822).empty());
  EXPECT_TRUE(parse_sources_file("README", one_line).empty());
  EXPECT_TRUE(parse_sources_file(".list", one_line).empty()); // a hidden file, no extension
}

} // namespace
} // namespace plinth::bootstrap
