// SPDX-License-Identifier: Apache-2.0
// The container plan: every profile field lands in its HostConfig field, ports stay on
// loopback, the user mapping, and secrets only ever in Env.
#include "engine_api/containers.hpp"
#include "model/labels.hpp"
#include "workstation/names.hpp"
#include "workstation/plan.hpp"
#include "workstation/resources.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace plinth::workstation {
namespace {

using nlohmann::json;

struct WorkstationPlan : ::testing::Test {
  model::ImageSpec spec;
  model::ResolvedImage image;
  PlanInput in;

  WorkstationPlan() {
    spec.name = "project";
    image.spec = &spec;
    image.repository = "127.0.0.1:5000/demo/project";
    image.tag = "v1";
    image.workdir = "/workspace";
    image.user = model::User{"dev", 1000, 1000, {}};
    image.tools = {{"jupyter", "4.2.5", 8888, {}},
                   {"tensorboard", "2.16.2", 6006, {}},
                   {"code-server", "4.100.3", 8443, {}}};
    in.stack_name = "demo";
    in.image = &image;
    in.profile.name = "gpu";
    in.profile.gpus = "all";
    in.profile.memory_bytes = 4LL << 30;
    in.profile.shm_bytes = 1LL << 30;
    in.profile.cpus = 1.5;
    in.profile.pids = 1024;
    in.profile.ulimits = {{"nofile", 1024, 65536, {}}, {"memlock", -1, -1, {}}};
    in.user = RunAs{1000, 1000, true, {}};
    in.workspace = "/home/alice/project";
    in.secrets = {"tok-0123456789", "pw-9876543210"};
  }

  json body() {
    auto plan = make_plan(in);
    EXPECT_TRUE(plan) << (plan ? "" : plan.error().describe());
    return json::parse(engine::create_container_body(plan->spec));
  }
};

TEST_F(WorkstationPlan, ProfileFieldsLandInHostConfig) {
  const auto hc = body()["HostConfig"];
  EXPECT_EQ(hc["Memory"], 4LL << 30);
  EXPECT_EQ(hc["MemorySwap"], 4LL << 30); // memory + swap = memory: no swap
  EXPECT_EQ(hc["ShmSize"], 1LL << 30);
  EXPECT_EQ(hc["NanoCpus"], 1500000000LL);
  EXPECT_EQ(hc["PidsLimit"], 1024);
  ASSERT_EQ(hc["DeviceRequests"].size(), 1u);
  EXPECT_EQ(hc["DeviceRequests"][0]["Driver"], "nvidia");
  EXPECT_EQ(hc["DeviceRequests"][0]["Count"], -1);
  EXPECT_FALSE(hc["DeviceRequests"][0].contains("DeviceIDs"));
  EXPECT_EQ(hc["DeviceRequests"][0]["Capabilities"], json::parse(R"([["gpu"]])"));
  EXPECT_EQ(hc["Ulimits"], json::parse(R"([{"Name":"nofile","Soft":1024,"Hard":65536},
                                           {"Name":"memlock","Soft":-1,"Hard":-1}])"));
}

TEST_F(WorkstationPlan, UlimitsArePartOfTheFingerprint) {
  const auto before = make_plan(in)->fingerprint;
  in.profile.ulimits[0].hard = 4096;
  EXPECT_NE(make_plan(in)->fingerprint, before);
}

TEST_F(WorkstationPlan, UnsetProfileFieldsAreNotSent) {
  in.profile = model::Profile{};
  const auto hc = body()["HostConfig"];
  for (const char* key :
       {"Memory", "MemorySwap", "ShmSize", "NanoCpus", "PidsLimit", "DeviceRequests", "Ulimits"}) {
    EXPECT_FALSE(hc.contains(key)) << key;
  }
}

TEST_F(WorkstationPlan, GpuSelection) {
  auto count = gpu_requests("2");
  ASSERT_TRUE(count);
  EXPECT_EQ(count->at(0).count, 2);
  EXPECT_TRUE(count->at(0).device_ids.empty());
  auto ids = gpu_requests("0,GPU-4a1b");
  ASSERT_TRUE(ids);
  EXPECT_EQ(ids->at(0).device_ids, (std::vector<std::string>{"0", "GPU-4a1b"}));
  EXPECT_EQ(ids->at(0).count, 0);
  auto first = gpu_requests("0");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->at(0).device_ids, (std::vector<std::string>{"0"}));
  EXPECT_TRUE(gpu_requests("none")->empty());
  EXPECT_TRUE(gpu_requests("")->empty());
  EXPECT_FALSE(gpu_requests("0,x"));

  in.profile.gpus = "1,3";
  const auto hc = body()["HostConfig"];
  EXPECT_EQ(hc["DeviceRequests"][0]["DeviceIDs"], json::parse(R"(["1","3"])"));
  EXPECT_FALSE(hc["DeviceRequests"][0].contains("Count"));
}

TEST_F(WorkstationPlan, PortsBoundToLoopbackAndTensorBoardNotPublished) {
  in.host_ports = {{"jupyter", 18888}};
  const auto b = body();
  const auto& pb = b["HostConfig"]["PortBindings"];
  ASSERT_EQ(pb.size(), 2u);
  EXPECT_EQ(pb["8888/tcp"][0]["HostIp"], "127.0.0.1");
  EXPECT_EQ(pb["8888/tcp"][0]["HostPort"], "18888");
  EXPECT_EQ(pb["8443/tcp"][0]["HostIp"], "127.0.0.1");
  EXPECT_EQ(pb["8443/tcp"][0]["HostPort"], "8443");
  EXPECT_FALSE(pb.contains("6006/tcp"));
  EXPECT_TRUE(b["ExposedPorts"].contains("8888/tcp"));
}

TEST_F(WorkstationPlan, TensorBoardGoesThroughJupyter) {
  auto plan = make_plan(in);
  ASSERT_TRUE(plan);
  const Endpoint* tb = nullptr;
  for (const auto& e : plan->endpoints) {
    if (e.tool == "tensorboard") {
      tb = &e;
    }
  }
  ASSERT_NE(tb, nullptr);
  EXPECT_EQ(tb->host_port, 0);
  EXPECT_EQ(endpoint_url(*tb, plan->endpoints, "127.0.0.1", in.secrets, false),
            "http://127.0.0.1:8888/proxy/6006/");
  EXPECT_EQ(endpoint_url(plan->endpoints[0], plan->endpoints, "127.0.0.1", in.secrets, true),
            "http://127.0.0.1:8888/lab?token=tok-0123456789");
  in.host_ports = {{"tensorboard", 16006}};
  EXPECT_FALSE(make_plan(in));
  in.publish_tensorboard = true;
  const auto pb = body()["HostConfig"]["PortBindings"];
  EXPECT_EQ(pb["6006/tcp"][0]["HostPort"], "16006");
  EXPECT_EQ(pb["6006/tcp"][0]["HostIp"], "127.0.0.1");
}

TEST_F(WorkstationPlan, ListenOverride) {
  in.listen = "0.0.0.0";
  const auto pb = body()["HostConfig"]["PortBindings"];
  EXPECT_EQ(pb["8888/tcp"][0]["HostIp"], "0.0.0.0");
  const Endpoint jupyter{"jupyter", 8888, 8888, {}};
  EXPECT_EQ(endpoint_url(jupyter, {jupyter}, "0.0.0.0", in.secrets, false),
            "http://127.0.0.1:8888/lab");
  EXPECT_EQ(endpoint_url(jupyter, {jupyter}, "::1", in.secrets, false), "http://[::1]:8888/lab");
  EXPECT_EQ(endpoint_url(jupyter, {jupyter}, "10.0.0.5", in.secrets, false),
            "http://10.0.0.5:8888/lab");
}

TEST_F(WorkstationPlan, SecurityDefaults) {
  const auto b = body();
  const auto& hc = b["HostConfig"];
  EXPECT_EQ(hc["SecurityOpt"], json::parse(R"(["no-new-privileges:true"])"));
  EXPECT_EQ(hc["CapDrop"], json::parse(R"(["ALL"])"));
  EXPECT_EQ(hc["Init"], false);
  EXPECT_FALSE(hc.contains("Privileged"));
  EXPECT_EQ(b["StopTimeout"], 10);
}

TEST_F(WorkstationPlan, ImageUserAndWorkspace) {
  const auto b = body();
  EXPECT_EQ(b["User"], "1000:1000");
  EXPECT_EQ(b["WorkingDir"], "/workspace");
  ASSERT_EQ(b["HostConfig"]["Mounts"].size(), 1u);
  EXPECT_EQ(b["HostConfig"]["Mounts"][0]["Type"], "bind");
  EXPECT_EQ(b["HostConfig"]["Mounts"][0]["Source"], "/home/alice/project");
  EXPECT_EQ(b["HostConfig"]["Mounts"][0]["Target"], "/workspace");
  EXPECT_FALSE(b.contains("Cmd")); // the image's plinth-init with its own config
  EXPECT_EQ(b["HostConfig"]["Tmpfs"]["/run/plinth"],
            "rw,nosuid,nodev,size=16m,mode=0700,uid=1000,gid=1000");
}

TEST_F(WorkstationPlan, HostUserGetsInitOverrideAndPrivateHome) {
  in.user = RunAs{1234, 2345, false, {}};
  in.init_config = "/state/plinth-demo-project.init.conf";
  const auto b = body();
  EXPECT_EQ(b["User"], "1234:2345");
  EXPECT_EQ(
      b["Cmd"],
      json::parse(
          R"(["--config","/etc/plinth-init.workstation.conf","--config-dir","/etc/plinth-init.d"])"));
  const auto& mounts = b["HostConfig"]["Mounts"];
  ASSERT_EQ(mounts.size(), 2u);
  EXPECT_EQ(mounts[1]["Source"], "/state/plinth-demo-project.init.conf");
  EXPECT_EQ(mounts[1]["ReadOnly"], true);
  EXPECT_EQ(b["HostConfig"]["Tmpfs"]["/home/plinth"],
            "rw,nosuid,nodev,mode=0700,uid=1234,gid=2345");
  bool home = false;
  for (const auto& e : b["Env"]) {
    home = home || e == "HOME=/home/plinth";
  }
  EXPECT_TRUE(home);
}

TEST_F(WorkstationPlan, SecretsOnlyInEnv) {
  const auto b = body();
  const auto text = b.dump();
  std::size_t count = 0;
  for (auto pos = text.find("tok-0123456789"); pos != std::string::npos;
       pos = text.find("tok-0123456789", pos + 1)) {
    ++count;
  }
  EXPECT_EQ(count, 1u);
  EXPECT_EQ(b["Labels"].dump().find("tok-"), std::string::npos);
  EXPECT_EQ(b["Labels"].dump().find("pw-"), std::string::npos);
  EXPECT_FALSE(b.contains("Cmd"));
  const auto env = b["Env"].dump();
  EXPECT_NE(env.find("JUPYTER_TOKEN=tok-0123456789"), std::string::npos);
  EXPECT_NE(env.find("PASSWORD=pw-9876543210"), std::string::npos);
}

TEST_F(WorkstationPlan, NamesAndLabels) {
  in.extra_labels = {{"io.plinth.test", "1"}};
  in.name_suffix = "x";
  auto plan = make_plan(in);
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->spec.name, "plinth-demo-project-x");
  EXPECT_EQ(plan->spec.labels.at("io.plinth.workstation"), "1");
  EXPECT_EQ(plan->spec.labels.at("io.plinth.stack"), "demo");
  EXPECT_EQ(plan->spec.labels.at("io.plinth.image"), "project");
  EXPECT_EQ(plan->spec.labels.at("io.plinth.profile"), "gpu");
  EXPECT_EQ(plan->spec.labels.at("io.plinth.reference"), "127.0.0.1:5000/demo/project:v1");
  EXPECT_EQ(plan->spec.labels.at("io.plinth.test"), "1");
  EXPECT_EQ(plan->spec.labels.at(model::labels::fingerprint), plan->fingerprint);
  EXPECT_EQ(container_name("my stack", "img/1"), "plinth-my-stack-img-1");
  in.extra_labels = {{"io.plinth.stack", "evil"}};
  EXPECT_FALSE(make_plan(in));
}

TEST_F(WorkstationPlan, FingerprintFollowsSettingsNotSecrets) {
  const auto a = make_plan(in)->fingerprint;
  in.secrets = {"other", "other"};
  EXPECT_EQ(make_plan(in)->fingerprint, a);
  in.profile.memory_bytes = 8LL << 30;
  EXPECT_NE(make_plan(in)->fingerprint, a);
}

TEST_F(WorkstationPlan, BadValuesAreRefused) {
  in.profile.cpus = 0;
  EXPECT_FALSE(make_plan(in));
  in.profile.cpus = 1;
  in.host_ports = {{"mlflow", 5000}};
  EXPECT_FALSE(make_plan(in));
}

} // namespace
} // namespace plinth::workstation
