// SPDX-License-Identifier: Apache-2.0
#include "dockerfile/glob.hpp"
#include "dockerfile/substitution.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace plinth::dockerfile {
namespace {

// The substring-by-substring searches Glob replaced, kept as the reference semantics.
std::size_t brute_prefix(std::string_view p, std::string_view t, bool longest) {
  for (std::size_t k = 0; k <= t.size(); ++k) {
    const std::size_t len = longest ? t.size() - k : k;
    if (glob_match(p, t.substr(0, len))) {
      return len;
    }
  }
  return std::string_view::npos;
}

std::optional<Glob::Match> brute_find(std::string_view p, std::string_view t, std::size_t from) {
  for (std::size_t i = from; i < t.size(); ++i) {
    for (std::size_t len = t.size() - i; len > 0; --len) {
      if (glob_match(p, t.substr(i, len))) {
        return Glob::Match{i, len};
      }
    }
  }
  return std::nullopt;
}

std::string random_string(std::mt19937& rng, std::string_view alphabet, std::size_t max_len) {
  std::string s(rng() % (max_len + 1), ' ');
  for (auto& c : s) {
    c = alphabet[rng() % alphabet.size()];
  }
  return s;
}

TEST(Glob, AgreesWithBruteForceOnRandomInputs) {
  std::mt19937 rng(42);
  for (int n = 0; n < 20000; ++n) {
    const auto p = random_string(rng, "ab*?\\", 6);
    const auto t = random_string(rng, "ab*?\\", 8);
    const Glob g(p);
    ASSERT_EQ(g.shortest_prefix(t), brute_prefix(p, t, false)) << p << " " << t;
    ASSERT_EQ(g.longest_prefix(t), brute_prefix(p, t, true)) << p << " " << t;
    for (std::size_t from = 0; from <= t.size(); ++from) {
      const auto got = g.find(t, from);
      const auto want = brute_find(p, t, from);
      ASSERT_EQ(got.has_value(), want.has_value()) << p << " " << t << " " << from;
      if (got) {
        ASSERT_EQ(got->start, want->start) << p << " " << t << " " << from;
        ASSERT_EQ(got->length, want->length) << p << " " << t << " " << from;
      }
    }
  }
}

// The old ${v/p/r} and ${v#p}/${v%p} over the substring search, for comparison.
std::string brute_replace(std::string_view v, std::string_view pat, std::string_view repl,
                          bool all) {
  std::string out;
  std::size_t i = 0;
  bool done = false;
  while (i <= v.size()) {
    std::size_t best = std::string_view::npos;
    if (!done && !pat.empty()) {
      for (std::size_t len = v.size() - i; len > 0; --len) {
        if (glob_match(pat, v.substr(i, len))) {
          best = len;
          break;
        }
      }
    }
    if (best != std::string_view::npos) {
      out += repl;
      i += best;
      done = !all;
      continue;
    }
    if (i < v.size()) {
      out += v[i];
    }
    ++i;
  }
  return out;
}

std::string brute_strip(std::string_view v, std::string_view pat, bool prefix, bool longest) {
  const std::size_t n = v.size();
  for (std::size_t k = 0; k <= n; ++k) {
    const std::size_t len = longest ? n - k : k;
    if (prefix ? glob_match(pat, v.substr(0, len)) : glob_match(pat, v.substr(n - len))) {
      return std::string(prefix ? v.substr(len) : v.substr(0, n - len));
    }
  }
  return std::string(v);
}

TEST(Glob, SubstitutionsAgreeWithSubstringSearch) {
  std::mt19937 rng(7);
  for (int n = 0; n < 5000; ++n) {
    const auto v = random_string(rng, "ab.", 8);
    const auto p = random_string(rng, "ab.*?", 4);
    const Lookup l = [&](std::string_view) -> const std::string* { return &v; };
    const auto ex = [&](const std::string& w) { return expand_word(w, l).value; };
    ASSERT_EQ(ex("${X/" + p + "/R}"), brute_replace(v, p, "R", false)) << v << " " << p;
    ASSERT_EQ(ex("${X//" + p + "/R}"), brute_replace(v, p, "R", true)) << v << " " << p;
    ASSERT_EQ(ex("${X#" + p + "}"), brute_strip(v, p, true, false)) << v << " " << p;
    ASSERT_EQ(ex("${X##" + p + "}"), brute_strip(v, p, true, true)) << v << " " << p;
    ASSERT_EQ(ex("${X%" + p + "}"), brute_strip(v, p, false, false)) << v << " " << p;
    ASSERT_EQ(ex("${X%%" + p + "}"), brute_strip(v, p, false, true)) << v << " " << p;
  }
}

TEST(Glob, ReversedMatchesSuffixes) {
  const auto g = Glob(".*").reversed();             // ${v%.*} on "hello.tar.gz"
  EXPECT_EQ(g.shortest_prefix("zg.rat.olleh"), 3u); // ".gz" reversed
  EXPECT_EQ(g.longest_prefix("zg.rat.olleh"), 7u);
}

// 100,000 bytes that never match: the substring search needed ~n^3/6 = 1.6e14 glob steps
// (centuries); one NFA pass per query is a few million.
TEST(Glob, PathologicalInputsAreLinear) {
  const std::string v(100000, 'a');
  const std::string_view v_ = v;
  const Lookup l = [&](std::string_view) -> const std::string* { return &v; };
  EXPECT_EQ(expand_word("${X//*b*/c}", l).value, v_);
  EXPECT_EQ(expand_word("${X/a*b/c}", l).value, v_);
  EXPECT_EQ(expand_word("${X##*b*}", l).value, v_);
  EXPECT_EQ(expand_word("${X%%*b*}", l).value, v_);
  EXPECT_EQ(expand_word("${X#*a*b}", l).value, v_);
  EXPECT_EQ(expand_word("${X%a*b*a}", l).value, v_);
  EXPECT_EQ(expand_word("${X//*a/c}", l).value, "c");
  EXPECT_EQ(expand_word("${X//a/}", l).value, "");
  EXPECT_EQ(expand_word("${X##*a}", l).value, "");
}

} // namespace
} // namespace plinth::dockerfile
