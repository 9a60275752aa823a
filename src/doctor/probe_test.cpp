// SPDX-License-Identifier: Apache-2.0
// The probes against every fixture host (tests/doctor/fixtures/<scenario>/, a root prefix
// standing in for /, with nvidia-smi outputs and engine replies captured).
#include "doctor/engine_capture.hpp"
#include "doctor/probe.hpp"
#include "doctor/rooted_host.hpp"
#include "doctor/test_support.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace plinth::doctor {
namespace {

std::filesystem::path fixture(const std::string& scenario) {
  return std::filesystem::path(PLINTH_SOURCE_DIR) / "tests/doctor/fixtures" / scenario;
}

struct ProbeCase {
  const char* scenario;
  const char* driver; // "" = none
  const char* flavor;
  const char* smi_cuda; // "" = none / not run
  std::size_t gpus;
  const char* first_gpu;
  int cgroup;
  bool limits; // memory, pids and cpu controllers all present
  bool hook;
  std::size_t cdi_specs;
  const char* engine_reach;
  bool engine_nvidia;
  std::uint64_t disk_avail_gib;
};

TEST(Probe, EveryFixtureHost) {
  const ProbeCase cases[] = {
      {"no-gpu-cgroup2", "", "", "", 0, "", 2, true, false, 0, "ok", false, 120},
      {"no-gpu-cgroup1", "", "", "", 0, "", 1, true, false, 0, "ok", false, 12},
      {"runtime-no-gpu", "", "", "", 0, "", 2, true, true, 0, "ok", true, 200},
      {"engine-down", "", "", "", 0, "", 2, true, false, 0, "socket_missing", false, 3},
      {"driver-470", "470.82.01", "proprietary", "11.4", 1, "Tesla T4", 1, true, true, 0, "ok",
       true, 300},
      {"driver-535", "535.104.05", "proprietary", "12.2", 1, "NVIDIA A100-SXM4-80GB", 2, true, true,
       0, "ok", false, 15},
      {"driver-550", "550.90.07", "proprietary", "12.4", 2, "NVIDIA H100 80GB HBM3", 2, true, false,
       1, "ok", false, 900},
      {"driver-575-open", "575.57.08", "open", "12.9", 1,
       "NVIDIA RTX PRO 6000 Blackwell Workstation Edition", 2, true, true, 0, "ok", true, 400},
      {"driver-590", "590.48.01", "open", "13.1", 1, "NVIDIA B200", 2, true, true, 0, "ok", true,
       1500},
      {"missing-runtime", "550.54.14", "proprietary", "12.4", 1, "NVIDIA GeForce RTX 4090", 2, true,
       false, 0, "ok", false, 60},
      {"smi-mismatch", "550.90.07", "proprietary", "", 1, "NVIDIA L40S", 2, false, true, 0, "ok",
       true, 80},
      {"smi-hung", "535.104.05", "proprietary", "", 0, "", 2, true, true, 0, "ok", true, 80},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.scenario);
    const auto host = RootedHost::fixture(fixture(c.scenario));
    auto facts = probe_host(host);
    auto engine = testing::captured_engine(host);
    ASSERT_TRUE(engine.has_value());
    facts.engine = *engine;
    facts.disk = probe_disk(host, facts.engine);

    const auto driver = facts.driver_version();
    EXPECT_EQ(driver ? driver->str() : "", c.driver);
    EXPECT_EQ(facts.driver.module_flavor, c.flavor);
    EXPECT_EQ(facts.smi.cuda ? facts.smi.cuda->str() : "", c.smi_cuda);
    ASSERT_EQ(facts.gpus().size(), c.gpus);
    if (c.gpus > 0) {
      EXPECT_EQ(facts.gpus().front().name, c.first_gpu);
    }
    EXPECT_EQ(facts.cgroup.version, c.cgroup);
    EXPECT_EQ(facts.cgroup.memory && facts.cgroup.pids && facts.cgroup.cpu, c.limits);
    EXPECT_EQ(!facts.gpu_runtime.hook_path.empty(), c.hook);
    EXPECT_EQ(facts.gpu_runtime.cdi_specs.size(), c.cdi_specs);
    EXPECT_EQ(engine_reach_name(facts.engine.reach), c.engine_reach);
    EXPECT_EQ(facts.engine.has_runtime("nvidia"), c.engine_nvidia);
    EXPECT_TRUE(facts.disk.known);
    EXPECT_EQ(facts.disk.available_bytes >> 30, c.disk_avail_gib);
  }
}

TEST(Probe, DriverDetailsAndToolkits) {
  const auto host = RootedHost::fixture(fixture("driver-550"));
  const auto facts = probe_host(host);
  EXPECT_TRUE(facts.driver.module_loaded);
  ASSERT_TRUE(facts.driver.sys_module_version.has_value());
  EXPECT_EQ(facts.driver.sys_module_version->str(), "550.90.07");
  EXPECT_TRUE(facts.smi.ran);
  EXPECT_EQ(facts.smi.gpus.size(), 2U);
  EXPECT_EQ(facts.smi.gpus[1].uuid, "GPU-66666666-7777-8888-9999-000000000000");
  EXPECT_EQ(facts.proc_gpus.size(), 2U);
  ASSERT_EQ(facts.toolkits.cuda.size(), 2U); // cuda, cuda-12, cuda-12.3 are one toolkit
  EXPECT_EQ(facts.toolkits.cuda[0].first, "/usr/local/cuda-12.3");
  EXPECT_EQ(facts.toolkits.cuda[0].second, "12.3.107");
  EXPECT_EQ(facts.toolkits.cuda[1].first, "/usr/local/cuda-11.8");
  EXPECT_EQ(facts.toolkits.cuda[1].second, "11.8.89");
  EXPECT_EQ(facts.toolkits.cudnn, "8.9.7");
  EXPECT_EQ(facts.daemon_config.default_shm_size, "2G");
  EXPECT_EQ(facts.gpu_runtime.ctk_path, "/usr/bin/nvidia-ctk");
  EXPECT_EQ(facts.gpu_runtime.cdi_specs, std::vector<std::string>{"/etc/cdi/nvidia.yaml"});
}

TEST(Probe, OldDriverFallsBackToTheTable) {
  // 470 has no `nvidia-smi --version` capture: the table header gives the CUDA version.
  const auto facts = probe_host(RootedHost::fixture(fixture("driver-470")));
  EXPECT_TRUE(facts.smi.found);
  EXPECT_TRUE(facts.smi.ran);
  ASSERT_TRUE(facts.smi.driver.has_value());
  EXPECT_EQ(facts.smi.driver->str(), "470.82.01");
  EXPECT_EQ(facts.smi.gpus.at(0).memory_mib.value_or(0), 15109);
}

TEST(Probe, NvmlMismatchIsReported) {
  const auto facts = probe_host(RootedHost::fixture(fixture("smi-mismatch")));
  EXPECT_TRUE(facts.smi.found);
  EXPECT_FALSE(facts.smi.ran);
  EXPECT_TRUE(facts.smi.version_mismatch);
  EXPECT_EQ(facts.gpus().size(), 1U); // from /proc/driver/nvidia/gpus
}

TEST(Probe, HungNvidiaSmiIsAFailureNotAWait) {
  const auto facts = probe_host(RootedHost::fixture(fixture("smi-hung")));
  EXPECT_TRUE(facts.smi.found);
  EXPECT_FALSE(facts.smi.ran);
  EXPECT_EQ(facts.smi.failure, "nvidia-smi did not finish in time (a hung driver or GPU?)");
}

TEST(Probe, SkippingNvidiaSmi) {
  const auto facts = probe_host(RootedHost::fixture(fixture("driver-550")), ProbeOptions{false});
  EXPECT_FALSE(facts.smi.found);
  EXPECT_EQ(facts.gpus().size(), 2U);
}

TEST(Probe, RealProcessRunner) {
  // A real root: commands run through util/process.hpp with the host's deadline.
  RootedHost host("/", {"/bin", "/usr/bin"});
  host.set_timeout(std::chrono::seconds(5));
  const auto out = host.run({"sh", {"sh", "-c", "echo hello; echo err >&2; exit 3"}});
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(out->exit_code, 3);
  EXPECT_EQ(out->output, "hello\nerr\n");
  host.set_timeout(std::chrono::milliseconds(200));
  const auto slow = host.run({"sh", {"sh", "-c", "sleep 5"}});
  ASSERT_TRUE(slow.has_value());
  EXPECT_EQ(slow->exit_code, 124);
  EXPECT_FALSE(host.run({"none", {"plinth-no-such-program-xyz"}}).has_value());
}

TEST(Probe, RealRootWithoutCapture) {
  // The same RootedHost over a fixture but without captures: nvidia-smi (an empty file,
  // not executable) is not found, disk space is measured for real.
  RootedHost host(fixture("driver-470"), {"/usr/bin"});
  EXPECT_FALSE(host.which("nvidia-smi").has_value());
  EXPECT_TRUE(host.disk_space("/var/lib/docker").has_value());
  EXPECT_TRUE(host.read("/proc/driver/nvidia/version").has_value());
}

} // namespace
} // namespace plinth::doctor
