// SPDX-License-Identifier: Apache-2.0
// Profiles: sizes, ulimits (single value, soft/hard, unlimited) and the run-as user.
#include "spec/parse_stack.hpp"

#include <gtest/gtest.h>

using namespace plinth;

namespace {

spec::ParseResult parse_profiles(const std::string& profiles) {
  return spec::parse_stack("version: 1\nregistry: r.example/ml\nimages: {}\nprofiles:\n" + profiles,
                           "plinth.yaml");
}

std::string first_error(const spec::ParseResult& r) {
  for (const auto& d : r.diags.items()) {
    return std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + " " + d.message;
  }
  return {};
}

TEST(ParseProfile, UlimitsAndUser) {
  const auto r = parse_profiles(R"(  gpu:
    memory: 16g
    ulimits:
      nofile: {soft: 1024, hard: 65536}
      memlock: unlimited
      core: 0
      stack: -1
    user: image
)");
  ASSERT_FALSE(r.diags.has_errors()) << first_error(r);
  const auto& p = r.stack->profiles.at(0);
  ASSERT_EQ(p.ulimits.size(), 4u);
  EXPECT_EQ(p.ulimits[0].name, "nofile");
  EXPECT_EQ(p.ulimits[0].soft, 1024);
  EXPECT_EQ(p.ulimits[0].hard, 65536);
  EXPECT_EQ(p.ulimits[1].name, "memlock");
  EXPECT_EQ(p.ulimits[1].soft, -1);
  EXPECT_EQ(p.ulimits[1].hard, -1);
  EXPECT_EQ(p.ulimits[2].soft, 0);
  EXPECT_EQ(p.ulimits[3].hard, -1);
  EXPECT_EQ(p.user, "image");
  EXPECT_EQ(p.memory_bytes, 16LL << 30);
}

TEST(ParseProfile, UserForms) {
  EXPECT_EQ(parse_profiles("  a: {user: host}\n").stack->profiles[0].user, "host");
  EXPECT_EQ(parse_profiles("  a: {user: \"1000:100\"}\n").stack->profiles[0].user, "1000:100");
  EXPECT_EQ(parse_profiles("  a: {user: 1001}\n").stack->profiles[0].user, "1001");
  EXPECT_EQ(parse_profiles("  a: {}\n").stack->profiles[0].user, "");
}

TEST(ParseProfile, ClearErrorsWithPositions) {
  EXPECT_EQ(first_error(parse_profiles("  a:\n    user: dev\n")),
            "6:11 profiles.a.user must be 'host', 'image' or UID[:GID] (numbers), not 'dev'");
  EXPECT_EQ(first_error(parse_profiles("  a:\n    ulimits:\n      nofile: lots\n")),
            "7:15 profiles.a.ulimits.nofile (or 'unlimited') must be an integer, not 'lots'");
  EXPECT_EQ(first_error(parse_profiles("  a:\n    ulimits:\n      nofile: {soft: 1}\n")),
            "7:15 profiles.a.ulimits.nofile needs both 'soft' and 'hard'");
  EXPECT_EQ(first_error(parse_profiles("  a:\n    ulimits:\n      nofile: -2\n")),
            "7:15 profiles.a.ulimits.nofile (or 'unlimited') must be between -1 and "
            "9223372036854775807, not -2");
  EXPECT_EQ(first_error(parse_profiles("  a:\n    ulimits: [nofile]\n")),
            "6:14 profiles.a.ulimits must be a map, not a list");
}

} // namespace
