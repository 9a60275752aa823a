// SPDX-License-Identifier: Apache-2.0
// JSON mapping of the containers and exec resources: HostConfig, inspect/list answers,
// exec, logs, and the output demultiplexer.
#include "engine_api/containers.hpp"
#include "engine_api/exec.hpp"
#include "engine_api/stream.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace plinth::engine {
namespace {

using nlohmann::json;

TEST(ContainersJson, EmptySettingsKeepTheOldBody) {
  ContainerSpec s;
  s.image = "busybox";
  s.cmd = {"true"};
  s.network_mode = "none";
  const auto j = json::parse(create_container_body(s));
  EXPECT_EQ(j["HostConfig"], json::parse(R"({"NetworkMode":"none"})"));
  for (const char* key : {"WorkingDir", "StopTimeout", "Hostname", "ExposedPorts"}) {
    EXPECT_FALSE(j.contains(key)) << key;
  }
}

TEST(ContainersJson, MapsEveryHostField) {
  ContainerSpec s;
  s.image = "img";
  s.working_dir = "/workspace";
  s.stop_timeout = 10;
  s.hostname = "ws";
  auto& h = s.host;
  h.memory = 1024;
  h.memory_swap = 1024;
  h.shm_size = 2048;
  h.nano_cpus = 1500000000;
  h.pids_limit = 512;
  h.device_requests = {DeviceRequest{}};
  h.device_requests[0].count = -1;
  DeviceRequest ids;
  ids.device_ids = {"0", "1"};
  h.device_requests.push_back(ids);
  h.ports = {{8888, "tcp", "127.0.0.1", 18888}, {8443, "tcp", "127.0.0.1", 0}};
  h.mounts = {{"bind", "/home/a/p", "/workspace", false}};
  h.tmpfs = {{"/home/plinth", "mode=0700"}};
  h.security_opt = {"no-new-privileges:true"};
  h.cap_drop = {"ALL"};
  h.init = false;
  h.restart_policy = "no";
  h.ulimits = {{"nofile", 1024, 2048}};
  const auto j = json::parse(create_container_body(s));
  const auto& hc = j["HostConfig"];
  EXPECT_EQ(j["WorkingDir"], "/workspace");
  EXPECT_EQ(j["StopTimeout"], 10);
  EXPECT_EQ(j["Hostname"], "ws");
  EXPECT_EQ(hc["Memory"], 1024);
  EXPECT_EQ(hc["MemorySwap"], 1024);
  EXPECT_EQ(hc["ShmSize"], 2048);
  EXPECT_EQ(hc["NanoCpus"], 1500000000);
  EXPECT_EQ(hc["PidsLimit"], 512);
  EXPECT_EQ(hc["DeviceRequests"][0],
            json::parse(R"({"Driver":"nvidia","Count":-1,"Capabilities":[["gpu"]],"Options":{}})"));
  EXPECT_EQ(
      hc["DeviceRequests"][1],
      json::parse(
          R"({"Driver":"nvidia","DeviceIDs":["0","1"],"Capabilities":[["gpu"]],"Options":{}})"));
  EXPECT_EQ(hc["PortBindings"]["8888/tcp"],
            json::parse(R"([{"HostIp":"127.0.0.1","HostPort":"18888"}])"));
  EXPECT_EQ(hc["PortBindings"]["8443/tcp"],
            json::parse(R"([{"HostIp":"127.0.0.1","HostPort":""}])"));
  EXPECT_EQ(j["ExposedPorts"], json::parse(R"({"8888/tcp":{},"8443/tcp":{}})"));
  EXPECT_EQ(
      hc["Mounts"],
      json::parse(
          R"([{"Type":"bind","Source":"/home/a/p","Target":"/workspace","ReadOnly":false}])"));
  EXPECT_EQ(hc["Tmpfs"], json::parse(R"({"/home/plinth":"mode=0700"})"));
  EXPECT_EQ(hc["SecurityOpt"], json::parse(R"(["no-new-privileges:true"])"));
  EXPECT_EQ(hc["CapDrop"], json::parse(R"(["ALL"])"));
  EXPECT_EQ(hc["Init"], false);
  EXPECT_EQ(hc["RestartPolicy"], json::parse(R"({"Name":"no","MaximumRetryCount":0})"));
  EXPECT_EQ(hc["Ulimits"], json::parse(R"([{"Name":"nofile","Soft":1024,"Hard":2048}])"));
}

TEST(ContainersJson, ParsesContainerInspect) {
  const auto body = R"J({"Id":"abc","Name":"/plinth-demo-project","Image":"sha256:1",
    "State":{"Status":"running","Running":true,"ExitCode":0,"StartedAt":"2026-11-25T23:00:00Z"},
    "Config":{"Image":"reg/project:v1","Labels":{"io.plinth.workstation":"1"}},
    "HostConfig":{"Memory":1024},
    "NetworkSettings":{"Ports":{"8888/tcp":[{"HostIp":"127.0.0.1","HostPort":"18888"}],"6006/tcp":null}}})J";
  auto c = parse_container_inspect(body);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->id, "abc");
  EXPECT_EQ(c->name, "plinth-demo-project");
  EXPECT_EQ(c->image, "reg/project:v1");
  EXPECT_EQ(c->image_id, "sha256:1");
  EXPECT_TRUE(c->running);
  EXPECT_EQ(c->status, "running");
  EXPECT_EQ(c->labels.at("io.plinth.workstation"), "1");
  ASSERT_EQ(c->ports.size(), 1u);
  EXPECT_EQ(c->ports[0].container_port, 8888);
  EXPECT_EQ(c->ports[0].host_port, 18888);
  EXPECT_EQ(c->ports[0].host_ip, "127.0.0.1");
  EXPECT_FALSE(parse_container_inspect("[]"));
}

TEST(ContainersJson, ParsesContainerListAndQuery) {
  auto l = parse_container_list(
      R"([{"Id":"a","Names":["/plinth-x"],"Image":"i","State":"running","Status":"Up 2 minutes","Labels":{"k":"v"}}])");
  ASSERT_TRUE(l);
  ASSERT_EQ(l->size(), 1u);
  EXPECT_EQ(l->at(0).name, "plinth-x");
  EXPECT_EQ(l->at(0).state, "running");
  EXPECT_EQ(l->at(0).labels.at("k"), "v");
  ContainerFilter f;
  f.labels = {"io.plinth.workstation=1"};
  EXPECT_EQ(container_list_query(f),
            "all=1&filters=%7B%22label%22%3A%7B%22io.plinth.workstation%3D1%22%3Atrue%7D%7D");
}

TEST(ContainersJson, ExecBodiesAndLogsQuery) {
  ExecSpec e;
  e.cmd = {"id", "-u"};
  e.user = "1000:1000";
  e.working_dir = "/workspace";
  EXPECT_EQ(
      json::parse(exec_create_body(e)),
      json::parse(R"({"Cmd":["id","-u"],"AttachStdin":false,"AttachStdout":true,"AttachStderr":true,
                            "Tty":false,"User":"1000:1000","WorkingDir":"/workspace"})"));
  EXPECT_EQ(parse_exec_inspect(R"({"Running":false,"ExitCode":3})")->value(), 3);
  EXPECT_FALSE(parse_exec_inspect(R"({"Running":true,"ExitCode":null})")->has_value());
  LogOptions o;
  EXPECT_EQ(logs_query(o), "stdout=1&stderr=1");
  o.follow = true;
  o.tail = "50";
  EXPECT_EQ(logs_query(o), "stdout=1&stderr=1&follow=1&tail=50");
}

TEST(ContainersJson, DemuxerSurvivesAnySplit) {
  std::string raw;
  const auto frame = [&](char type, std::string_view payload) {
    raw += type;
    raw += std::string(3, '\0');
    const auto n = static_cast<std::uint32_t>(payload.size());
    raw += static_cast<char>(n >> 24);
    raw += static_cast<char>((n >> 16) & 0xff);
    raw += static_cast<char>((n >> 8) & 0xff);
    raw += static_cast<char>(n & 0xff);
    raw += payload;
  };
  frame(1, "hello ");
  frame(2, "oops\n");
  frame(1, "world\n");
  for (std::size_t step = 1; step <= raw.size(); ++step) {
    std::string out;
    std::string err;
    OutputDemuxer d([&](int stream, std::string_view c) { (stream == 2 ? err : out).append(c); });
    for (std::size_t i = 0; i < raw.size(); i += step) {
      d.feed(std::string_view(raw).substr(i, step));
    }
    EXPECT_EQ(out, "hello world\n") << step;
    EXPECT_EQ(err, "oops\n") << step;
  }
}

} // namespace
} // namespace plinth::engine
