// SPDX-License-Identifier: Apache-2.0
#include "engine/docker_host.hpp"

#include <gtest/gtest.h>

namespace plinth::engine {
namespace {

TEST(DockerHost, DefaultsToTheUnixSocket) {
  auto e = parse_docker_host("");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->unix_socket, "/var/run/docker.sock");
  EXPECT_EQ(e->base_url, "http://localhost");
}

TEST(DockerHost, AcceptsTcpAndRejectsSsh) {
  auto e = parse_docker_host("tcp://10.0.0.5:2375/");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->base_url, "http://10.0.0.5:2375");
  EXPECT_TRUE(e->unix_socket.empty());
  auto s = parse_docker_host("ssh://me@host");
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message.find("unix:///"), std::string::npos);
}

TEST(ApiVersion, NegotiatesDownToTheDaemon) {
  EXPECT_EQ(negotiate_api_version("1.41").value(), "1.41");
  EXPECT_EQ(negotiate_api_version("1.52").value(), std::string(k_max_api));
  EXPECT_EQ(compare_api_versions("1.9", "1.41"), -1);
  auto old = negotiate_api_version("1.39");
  ASSERT_FALSE(old);
  EXPECT_NE(old.error().message.find("too old"), std::string::npos);
  EXPECT_FALSE(negotiate_api_version(""));
}

} // namespace
} // namespace plinth::engine
