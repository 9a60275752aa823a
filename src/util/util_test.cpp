// SPDX-License-Identifier: Apache-2.0
#include "util/diagnostic.hpp"
#include "util/files.hpp"
#include "util/sha256.hpp"
#include "util/size.hpp"
#include "util/spelling.hpp"
#include "util/version.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

using namespace plinth;

TEST(Version, ParsesAndComparesNumerically) {
  EXPECT_LT(*Version::parse("2.9.0"), *Version::parse("2.16.1"));
  EXPECT_EQ(*Version::parse("12.3"), *Version::parse("12.3.0"));
  EXPECT_GT(*Version::parse("525.60.13"), *Version::parse("525.60"));
  EXPECT_TRUE(Version::parse("2.16.1")->has_prefix(*Version::parse("2.16")));
  EXPECT_FALSE(Version::parse("2.1")->has_prefix(*Version::parse("2.16")));
  EXPECT_EQ(Version::parse("2.16.1")->truncated(2).str(), "2.16");
}

TEST(Version, KeepsLeadingZerosAsWritten) {
  EXPECT_EQ(Version::parse("545.23.06")->str(), "545.23.06");
  EXPECT_EQ(*Version::parse("545.23.06"), *Version::parse("545.23.6"));
}

TEST(Version, RejectsMalformed) {
  for (const char* bad : {"", "2.", ".2", "2..1", "a.b", "2.16-rc1", "-1"}) {
    EXPECT_FALSE(Version::parse(bad)) << bad;
  }
}

TEST(Spelling, SuggestsCloseWordsOnly) {
  EXPECT_EQ(closest_match("registy", {"registry", "images"}), "registry");
  EXPECT_EQ(closest_match("ownr", {"owner", "tier"}), "owner");
  EXPECT_FALSE(closest_match("zzzzzz", {"owner", "tier"}));
  EXPECT_EQ(edit_distance("ab", "ba"), 1u);
}

TEST(Size, ParsesDockerStyleSizes) {
  EXPECT_EQ(parse_size("512m"), 512LL * 1024 * 1024);
  EXPECT_EQ(parse_size("8g"), 8LL * 1024 * 1024 * 1024);
  EXPECT_EQ(parse_size("2GB"), 2LL * 1024 * 1024 * 1024);
  EXPECT_EQ(parse_size("1.5g"), 1536LL * 1024 * 1024);
  EXPECT_EQ(parse_size("1024"), 1024);
  EXPECT_FALSE(parse_size("lots"));
  EXPECT_FALSE(parse_size("-1g"));
  EXPECT_FALSE(parse_size(""));
}

TEST(Diagnostic, FormatsWithSourceLineAndCaret) {
  Diagnostic d{Severity::error, {"plinth.yaml", 2, 5}, "unknown key 'ownr'", "unknown-key"};
  EXPECT_EQ(format_diagnostic(d), "plinth.yaml:2:5: error: unknown key 'ownr'");
  EXPECT_EQ(format_diagnostic(d, "images:\n    ownr: x\n"),
            "plinth.yaml:2:5: error: unknown key 'ownr'\n        ownr: x\n        ^");
  Diagnostic whole{Severity::warning, {"f", 0, 0}, "m", "c"};
  EXPECT_EQ(format_diagnostic(whole), "f: warning: m");
}

TEST(Sha256, MatchesKnownVector) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

namespace {

Result<int> half(int n) {
  if (n % 2 != 0) {
    return fail(Errc::invalid_input, std::to_string(n) + " is odd");
  }
  return n / 2;
}

Result<int> quarter(int n) {
  PLINTH_TRY_ASSIGN(const int h, half(n));
  PLINTH_TRY_ASSIGN(auto q, half(h)); // two on one line each: distinct temporaries
  return q;
}

} // namespace

TEST(TryAssign, DeclaresTheValueOrReturnsTheError) {
  EXPECT_EQ(quarter(12).value(), 3);
  EXPECT_EQ(quarter(6).error().message, "3 is odd");
  EXPECT_EQ(quarter(5).error().message, "5 is odd");
}

TEST(AtomicWrite, ReplacesContentAndLeavesNoTemporaryFiles) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("plinth-util-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto file = dir / "out.txt";
  ASSERT_TRUE(write_file_atomic(file, "one"));
  ASSERT_TRUE(write_file_atomic(file, "two"));
  EXPECT_EQ(*read_file(file), "two");
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir),
                          std::filesystem::directory_iterator()),
            1);
  EXPECT_FALSE(write_file_atomic(dir / "missing-dir" / "x", "y"));
  EXPECT_EQ(read_file(dir / "nope").error().code, Errc::not_found);
  namespace fs = std::filesystem;
  EXPECT_EQ(fs::status(file).permissions(), fs::perms(0644));
  ASSERT_TRUE(write_file_atomic(dir / "secret", "s", 0600)); // a private file stays private
  EXPECT_EQ(fs::status(dir / "secret").permissions(),
            fs::perms::owner_read | fs::perms::owner_write);
  std::filesystem::remove_all(dir);
}
