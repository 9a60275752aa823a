// SPDX-License-Identifier: Apache-2.0
#include "util/uid_gid.hpp"

#include <gtest/gtest.h>

namespace plinth {
namespace {

TEST(UidGid, UidAloneMeansTheSameGid) {
  const auto ids = parse_uid_gid("1000");
  ASSERT_TRUE(ids);
  EXPECT_EQ(ids->uid, 1000);
  EXPECT_EQ(ids->gid, 1000);
}

TEST(UidGid, UidAndGid) {
  const auto ids = parse_uid_gid("4242:100");
  ASSERT_TRUE(ids);
  EXPECT_EQ(ids->uid, 4242);
  EXPECT_EQ(ids->gid, 100);
  EXPECT_EQ(parse_uid_gid("0:0")->uid, 0); // syntax only: callers refuse root
}

TEST(UidGid, RefusesNamesAndMalformedIds) {
  for (const char* bad :
       {"", "dev", "1000:", ":1000", "1000:dev", "-1", "1:2:3", " 1", "1 ", "99999999999"}) {
    EXPECT_FALSE(parse_uid_gid(bad)) << bad;
  }
}

} // namespace
} // namespace plinth
