// SPDX-License-Identifier: Apache-2.0
// Unit tests of the small pure helpers: identities, HTTP status lines, status rendering,
// signal names and wait-status decoding.
#include "init/probe.hpp"
#include "init/reaper.hpp"
#include "init/signals.hpp"
#include "init/status.hpp"
#include "init/users.hpp"

#include <gtest/gtest.h>

#include <csignal>

namespace plinth::init {
namespace {

constexpr const char* k_passwd = "root:x:0:0:root:/root:/bin/bash\n"
                                 "# comment\n"
                                 "jovyan:x:1000:100:Jovyan:/home/jovyan:/bin/bash\n"
                                 "broken line\n";
constexpr const char* k_group = "root:x:0:\nusers:x:100:\ndocker:x:999:jovyan,bob\n"
                                "video:x:44:bob\n";

TEST(InitUsers, ResolvesNamesWithoutNss) {
  std::string why;
  auto id = resolve_identity("jovyan", k_passwd, k_group, why);
  ASSERT_TRUE(id) << why;
  EXPECT_EQ(id->uid, 1000u);
  EXPECT_EQ(id->gid, 100u);
  EXPECT_EQ(id->home, "/home/jovyan");
  EXPECT_EQ(id->groups, (std::vector<gid_t>{100, 999}));
  id = resolve_identity("jovyan:docker", k_passwd, k_group, why);
  ASSERT_TRUE(id);
  EXPECT_EQ(id->gid, 999u);
}

TEST(InitUsers, NumericIdsNeedNoEntries) {
  std::string why;
  auto id = resolve_identity("4242", k_passwd, k_group, why);
  ASSERT_TRUE(id);
  EXPECT_EQ(id->uid, 4242u);
  EXPECT_EQ(id->gid, 4242u);
  EXPECT_TRUE(id->name.empty());
  id = resolve_identity("1000:5", k_passwd, k_group, why);
  ASSERT_TRUE(id);
  EXPECT_EQ(id->name, "jovyan"); // numeric uid with an entry still gets HOME/USER
  EXPECT_EQ(id->gid, 5u);
  EXPECT_FALSE(resolve_identity("nobody-here", k_passwd, k_group, why));
  EXPECT_FALSE(resolve_identity("jovyan:nogroup", k_passwd, k_group, why));
}

TEST(InitProbe, ParsesHttpStatusLines) {
  EXPECT_EQ(parse_http_status("HTTP/1.1 200 OK\r\n"), 200);
  EXPECT_EQ(parse_http_status("HTTP/1.0 302 Found\r\n"), 302);
  EXPECT_EQ(parse_http_status("HTTP/1.1 404"), 404);
  EXPECT_EQ(parse_http_status("SSH-2.0-OpenSSH"), 0);
  EXPECT_EQ(parse_http_status("HTTP/1.1 2x0"), 0);
  EXPECT_TRUE(http_status_ready(200));
  EXPECT_TRUE(http_status_ready(399));
  EXPECT_FALSE(http_status_ready(404));
  EXPECT_FALSE(http_status_ready(0));
}

TEST(InitStatus, RendersTableAndJson) {
  std::vector<StatusRow> rows{
      {"jupyter", "ready", 12, 1, 192000, true, "http://127.0.0.1:8888/api", "exited with code 1"},
      {"tb", "backoff", 0, 3, -1, false, "", ""}};
  const auto table = format_status_table(rows);
  EXPECT_NE(table.find("SERVICE"), std::string::npos);
  EXPECT_NE(table.find("jupyter  ready"), std::string::npos);
  EXPECT_NE(table.find("3m12s"), std::string::npos);
  const auto json = format_status_json({1, true, "running", 900, 5}, rows);
  EXPECT_NE(json.find("\"pid1\":true"), std::string::npos);
  EXPECT_NE(json.find("{\"name\":\"tb\",\"state\":\"backoff\",\"pid\":null"), std::string::npos);
  EXPECT_NE(json.find("\"last_exit\":\"exited with code 1\""), std::string::npos);
  EXPECT_EQ(json_escape("a\"b\\\n\x01"), "a\\\"b\\\\\\n\\u0001");
  EXPECT_EQ(format_uptime(7260000), "2h01m");
}

TEST(InitSignals, NamesAndStatuses) {
  EXPECT_EQ(signal_from_name("TERM"), SIGTERM);
  EXPECT_EQ(signal_from_name("SIGUSR1"), SIGUSR1);
  EXPECT_EQ(signal_from_name("9"), SIGKILL);
  EXPECT_EQ(signal_from_name("NOPE"), 0);
  EXPECT_EQ(signal_name(SIGHUP), "SIGHUP");
  EXPECT_EQ(status_to_code(3 << 8), 3);
  EXPECT_EQ(status_to_code(SIGKILL), 137);
  EXPECT_EQ(describe_status(SIGTERM), "killed by SIGTERM");
}

TEST(InitStatus, ReadsOwnRss) {
  EXPECT_GT(read_rss_kb(), 0);
}

} // namespace
} // namespace plinth::init
