// SPDX-License-Identifier: Apache-2.0
#include "compat/code_server.hpp"

#include <gtest/gtest.h>

namespace plinth::compat {
namespace {

int node_major(std::string_view code_server) {
  const auto node = code_server_node(*Version::parse(code_server));
  return node ? node->node_major : 0;
}

TEST(CodeServerNode, EachReleaseRangeHasItsNodeMajor) {
  EXPECT_EQ(node_major("4.90.0"), 20);
  EXPECT_EQ(node_major("4.100.3"), 20);
  EXPECT_EQ(node_major("4.103.2"), 22);
  EXPECT_EQ(node_major("4.132.9"), 22);
  EXPECT_EQ(node_major("4.133.0"), 24);
  EXPECT_EQ(node_major("4.139.1"), 24);
}

TEST(CodeServerNode, PinsANodeReleaseOfThatMajor) {
  const auto node = code_server_node(*Version::parse("4.100.3"));
  ASSERT_TRUE(node);
  EXPECT_EQ(node->node_version, "20.18.0");
}

TEST(CodeServerNode, UnknownReleasesHaveNone) {
  EXPECT_EQ(node_major("4.88.1"), 0);
  EXPECT_EQ(node_major("4.89.1"), 0); // Node 18: no wheel
  EXPECT_EQ(node_major("3.12.0"), 0);
  EXPECT_EQ(node_major("4.140.0"), 0);
  EXPECT_EQ(node_major("5.0.0"), 0);
  EXPECT_EQ(code_server_known_range(), "4.90.0 to 4.139.x");
}

} // namespace
} // namespace plinth::compat
