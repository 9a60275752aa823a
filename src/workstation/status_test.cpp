// SPDX-License-Identifier: Apache-2.0
#include "workstation/init_status.hpp"
#include "workstation/log_filter.hpp"
#include "workstation/secrets.hpp"

#include <gtest/gtest.h>

namespace plinth::workstation {
namespace {

constexpr const char* k_status =
    R"({"supervisor":{"pid":1,"pid1":true,"phase":"running","rss_kb":1196,"uptime_ms":200512},
 "services":[{"name":"jupyter","state":"ready","pid":12,"restarts":1,"uptime_ms":192000,
   "ready":true,"readiness":"http://127.0.0.1:8888/api","last_exit":"killed by SIGKILL"},
   {"name":"tensorboard","state":"starting","pid":13,"restarts":0,"uptime_ms":1000,"ready":false,
   "readiness":"http://127.0.0.1:6006/","last_exit":null}]})";

TEST(InitStatus, Parses) {
  auto s = parse_init_status(k_status);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->supervisor_pid, 1);
  EXPECT_EQ(s->rss_kb, 1196);
  ASSERT_EQ(s->services.size(), 2u);
  EXPECT_EQ(s->services[0].name, "jupyter");
  EXPECT_EQ(*s->services[0].pid, 12);
  EXPECT_EQ(s->services[0].restarts, 1);
  EXPECT_EQ(s->services[0].last_exit, "killed by SIGKILL");
  EXPECT_EQ(s->services[1].last_exit, "");
  EXPECT_FALSE(parse_init_status("plinth-init: cannot connect"));
}

TEST(InitStatus, Readiness) {
  auto s = parse_init_status(k_status);
  ASSERT_TRUE(s);
  auto v = readiness(*s);
  EXPECT_EQ(v.state, Readiness::starting);
  EXPECT_EQ(v.pending, std::vector<std::string>{"tensorboard"});
  s->services[1].ready = true;
  s->services[1].state = "ready";
  EXPECT_EQ(readiness(*s).state, Readiness::ready);
  s->services[1].state = "failed";
  s->services[1].ready = false;
  v = readiness(*s);
  EXPECT_EQ(v.state, Readiness::failed);
  EXPECT_EQ(v.failed, std::vector<std::string>{"tensorboard"});
}

TEST(InitStatus, Uptime) {
  EXPECT_EQ(format_uptime(std::nullopt), "-");
  EXPECT_EQ(format_uptime(45'000), "45s");
  EXPECT_EQ(format_uptime(192'000), "3m12s");
  EXPECT_EQ(format_uptime(3'720'000), "1h02m");
}

TEST(LogFilter, KeepsOneServiceAcrossChunks) {
  std::string out;
  LineFilter f("jupyter", true, [&](std::string_view l) { out += l; });
  f.feed("[jupyter] hel");
  f.feed("lo\n[tensorboard] no\n[jupyter");
  f.feed("] two\n[jupyterlab] not me\n[jupyter] last");
  f.finish();
  EXPECT_EQ(out, "hello\ntwo\nlast\n");
  std::string all;
  LineFilter g("", false, [&](std::string_view l) { all += l; });
  g.feed("a\nb");
  g.finish();
  EXPECT_EQ(all, "a\nb\n");
}

TEST(LogFilter, LastLines) {
  const auto lines = last_service_lines("[a] 1\n[b] x\n[a] 2\n[a] 3\n", "a", 2);
  EXPECT_EQ(lines, (std::vector<std::string>{"2", "3"}));
}

TEST(Secrets, RoundTripAndHex) {
  Secrets s{"t", "p"};
  auto back = secrets_from_json(secrets_to_json(s, "plinth-x"));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->jupyter_token, "t");
  EXPECT_EQ(back->code_server_password, "p");
  EXPECT_EQ(hex_secret(std::string("\x00\xff\x10", 3)), "00ff10");
}

} // namespace
} // namespace plinth::workstation
