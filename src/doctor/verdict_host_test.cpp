// SPDX-License-Identifier: Apache-2.0
// GPU, host and engine checks on every fixture host, without and with a GPU image asked for.
#include "doctor/diagnose.hpp"
#include "doctor/test_support.hpp"

#include <gtest/gtest.h>

#include <map>

namespace plinth::doctor {
namespace {

using testing::all_text;
using testing::contains;
using testing::host_facts;

std::map<std::string, std::string> statuses(const Report& r) {
  std::map<std::string, std::string> out;
  for (const auto& c : r.checks) {
    if (c.section != "image") {
      out[c.id] = std::string(status_name(c.status));
    }
  }
  return out;
}

struct HostCase {
  const char* scenario;
  bool gpu_wanted;
  std::map<std::string, std::string> want; // id -> status; ids not listed must be absent
  int exit_code;
};

TEST(HostVerdict, EveryFixture) {
  const std::string ok = "ok";
  const std::string warn = "warn";
  const std::string fail = "fail";
  const HostCase cases[] = {
      {"no-gpu-cgroup2",
       false,
       {{"gpu.driver", ok},
        {"gpu.host-toolkit", ok},
        {"host.cgroup", ok},
        {"host.shm", ok},
        {"engine.reachable", ok},
        {"engine.api", ok},
        {"engine.builder", ok},
        {"engine.storage", ok},
        {"engine.cgroup", ok},
        {"engine.gpu-runtime", ok},
        {"engine.disk", ok}},
       0},
      {"no-gpu-cgroup2",
       true,
       {{"gpu.driver", fail},
        {"gpu.host-toolkit", ok},
        {"host.cgroup", ok},
        {"host.shm", ok},
        {"engine.reachable", ok},
        {"engine.api", ok},
        {"engine.builder", ok},
        {"engine.storage", ok},
        {"engine.cgroup", ok},
        {"engine.gpu-runtime", fail},
        {"engine.disk", ok}},
       2},
      {"no-gpu-cgroup1",
       false,
       {{"gpu.driver", ok},
        {"gpu.host-toolkit", ok},
        {"host.cgroup", ok},
        {"host.shm", ok},
        {"engine.reachable", ok},
        {"engine.api", ok},
        {"engine.builder", ok},
        {"engine.storage", ok},
        {"engine.cgroup", ok},
        {"engine.gpu-runtime", ok},
        {"engine.disk", warn}},
       1},
      {"runtime-no-gpu",
       false,
       {{"gpu.driver", ok},
        {"gpu.host-toolkit", ok},
        {"host.cgroup", ok},
        {"host.shm", ok},
        {"engine.reachable", ok},
        {"engine.api", ok},
        {"engine.builder", ok},
        {"engine.storage", ok},
        {"engine.cgroup", ok},
        {"engine.gpu-runtime", warn},
        {"engine.disk", ok}},
       1},
      {"engine-down",
       false,
       {{"gpu.driver", ok},
        {"gpu.host-toolkit", ok},
        {"host.cgroup", ok},
        {"host.shm", ok},
        {"engine.reachable", fail},
        {"engine.gpu-runtime", ok},
        {"engine.disk", fail}},
       2},
      {"driver-470",
       true,
       {{"gpu.driver", ok},
        {"gpu.kernel-module", ok},
        {"gpu.nvidia-smi", ok},
        {"gpu.devices", ok},
        {"gpu.host-toolkit", ok},
        {"host.cgroup", ok},
        {"host.shm", ok},
        {"engine.reachable", ok},
        {"engine.api", ok},
        {"engine.builder", ok},
        {"engine.storage", ok},
        {"engine.cgroup", ok},
        {"engine.gpu-runtime", ok},
        {"engine.disk", ok}},
       0},
      {"driver-535",
       true,
       {{"gpu.driver", ok},
        {"gpu.kernel-module", ok},
        {"gpu.nvidia-smi", ok},
        {"gpu.devices", ok},
        {"gpu.host-toolkit", ok},
        {"host.cgroup", ok},
        {"host.shm", ok},
        {"engine.reachable", ok},
        {"engine.api", ok},
        {"engine.builder", ok},
        {"engine.storage", ok},
        {"engine.cgroup", ok},
        {"engine.gpu-runtime", ok},
        {"engine.disk", warn}},
       1},
      {"driver-550",
       true,
       {{"gpu.driver", ok},
        {"gpu.kernel-module", ok},
        {"gpu.nvidia-smi", ok},
        {"gpu.devices", ok},
        {"gpu.host-toolkit", ok},
        {"host.cgroup", ok},
        {"host.shm", ok},
        {"engine.reachable", ok},
        {"engine.api", ok},
        {"engine.builder", ok},
        {"engine.storage", ok},
        {"engine.cgroup", ok},
        {"engine.gpu-runtime", ok},
        {"engine.disk", ok}},
       0},
      {"missing-runtime",
       false,
       {{"gpu.driver", ok},
        {"gpu.kernel-module", ok},
        {"gpu.nvidia-smi", ok},
        {"gpu.devices", ok},
        {"gpu.host-toolkit", ok},
        {"host.cgroup", ok},
        {"host.shm", ok},
        {"engine.reachable", ok},
        {"engine.api", ok},
        {"engine.builder", ok},
        {"engine.storage", warn},
        {"engine.cgroup", ok},
        {"engine.gpu-runtime", warn},
        {"engine.disk", ok}},
       1},
      {"missing-runtime",
       true,
       {{"gpu.driver", ok},
        {"gpu.kernel-module", ok},
        {"gpu.nvidia-smi", ok},
        {"gpu.devices", ok},
        {"gpu.host-toolkit", ok},
        {"host.cgroup", ok},
        {"host.shm", ok},
        {"engine.reachable", ok},
        {"engine.api", ok},
        {"engine.builder", ok},
        {"engine.storage", warn},
        {"engine.cgroup", ok},
        {"engine.gpu-runtime", fail},
        {"engine.disk", ok}},
       2},
      {"smi-mismatch",
       true,
       {{"gpu.driver", ok},
        {"gpu.kernel-module", ok},
        {"gpu.nvidia-smi", fail},
        {"gpu.devices", ok},
        {"gpu.host-toolkit", ok},
        {"host.cgroup", warn},
        {"host.shm", ok},
        {"engine.reachable", ok},
        {"engine.api", ok},
        {"engine.builder", ok},
        {"engine.storage", ok},
        {"engine.cgroup", ok},
        {"engine.gpu-runtime", ok},
        {"engine.disk", ok}},
       2},
      {"smi-hung",
       true,
       {{"gpu.driver", ok},
        {"gpu.kernel-module", ok},
        {"gpu.nvidia-smi", fail},
        {"gpu.devices", fail},
        {"gpu.host-toolkit", ok},
        {"host.cgroup", ok},
        {"host.shm", ok},
        {"engine.reachable", ok},
        {"engine.api", ok},
        {"engine.builder", ok},
        {"engine.storage", ok},
        {"engine.cgroup", ok},
        {"engine.gpu-runtime", ok},
        {"engine.disk", ok}},
       2},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.scenario) + (c.gpu_wanted ? " +gpu" : ""));
    const auto host = host_facts(c.scenario);
    Report report;
    report.checks = gpu_checks(host, c.gpu_wanted, compat::Db::builtin());
    for (auto& x : host_checks(host)) {
      report.checks.push_back(x);
    }
    for (auto& x : engine_checks(host, c.gpu_wanted)) {
      report.checks.push_back(x);
    }
    EXPECT_EQ(statuses(report), c.want);
    EXPECT_EQ(report.exit_code(), c.exit_code);
    for (const auto& check : report.checks) {
      EXPECT_EQ(check.remedy.empty(), check.status == Status::ok)
          << check.id << ": " << all_text(check);
    }
  }
}

TEST(HostVerdict, NoDriverWording) {
  const auto host = host_facts("no-gpu-cgroup2");
  const auto checks = gpu_checks(host, false, compat::Db::builtin());
  EXPECT_EQ(checks[0].summary, "no NVIDIA driver: /proc/driver/nvidia/version is missing (fine for "
                               "CPU images; GPU images cannot run here)");
  const auto wanted = gpu_checks(host, true, compat::Db::builtin());
  EXPECT_EQ(wanted[0].summary, "no NVIDIA driver: /proc/driver/nvidia/version is missing");
  EXPECT_TRUE(contains(wanted[0].remedy, "install the NVIDIA driver"));
}

TEST(HostVerdict, DriverDetails) {
  const auto checks = gpu_checks(host_facts("driver-575-open"), true, compat::Db::builtin());
  EXPECT_EQ(checks[0].summary, "driver 575.57.08 (open kernel module, x86_64)");
  const auto text = all_text(checks[0]);
  EXPECT_TRUE(contains(text, "supports CUDA up to 12.9 (nvidia-smi): the highest CUDA the driver "
                             "runs, not an installed toolkit"))
      << text;
  // Which build is newest follows the data (data/compat/cases.tsv checks the rows).
  EXPECT_TRUE(
      contains(text, "newest TensorFlow GPU build: " +
                         tensorflow_on_driver(compat::Db::builtin(), *Version::parse("575.57.08"))))
      << text;
  const auto devices = gpu_checks(host_facts("driver-550"), true, compat::Db::builtin());
  const auto* d = &devices[3];
  ASSERT_EQ(d->id, "gpu.devices");
  EXPECT_EQ(d->summary, "2 GPUs");
  EXPECT_EQ(d->details.at(0),
            "0: NVIDIA H100 80GB HBM3, 79.6 GiB, GPU-11111111-2222-3333-4444-555555555555");
}

TEST(HostVerdict, DriverFromNvidiaSmiOnly) {
  // WSL: no /proc/driver/nvidia/version and no /sys/module/nvidia, nvidia-smi works.
  auto host = host_facts("driver-550");
  host.driver = {};
  const auto checks = gpu_checks(host, true, compat::Db::builtin());
  EXPECT_EQ(checks[0].status, Status::ok);
  EXPECT_EQ(checks[0].summary,
            "driver 550.90.07 (from nvidia-smi; no /proc/driver/nvidia/version, as under WSL)");
}

TEST(HostVerdict, EngineFailureExplanations) {
  auto host = host_facts("engine-down");
  const struct {
    EngineReach reach;
    const char* summary_part;
    const char* remedy_part;
  } cases[] = {
      {EngineReach::socket_missing, "no engine socket at /var/run/docker.sock",
       "systemctl start docker"},
      {EngineReach::permission_denied, "permission denied on /var/run/docker.sock",
       "usermod -aG docker"},
      {EngineReach::not_answering, "exists but the engine does not answer",
       "systemctl restart docker"},
      {EngineReach::error, "answered with an error", "journalctl -u docker"},
  };
  for (const auto& c : cases) {
    host.engine.reach = c.reach;
    const auto checks = engine_checks(host, false);
    ASSERT_FALSE(checks.empty());
    EXPECT_EQ(checks[0].id, "engine.reachable");
    EXPECT_EQ(checks[0].status, Status::fail);
    EXPECT_TRUE(contains(checks[0].summary, c.summary_part)) << checks[0].summary;
    EXPECT_TRUE(contains(checks[0].remedy, c.remedy_part)) << checks[0].remedy;
  }
  host.engine.reach = EngineReach::not_probed;
  const auto checks = engine_checks(host, false);
  EXPECT_EQ(checks[0].id, "engine.gpu-runtime"); // no reachability check when not probed
}

TEST(HostVerdict, EngineApiTooOld) {
  auto host = host_facts("no-gpu-cgroup2");
  host.engine.api_version = "1.39";
  const auto checks = engine_checks(host, false);
  ASSERT_EQ(checks[1].id, "engine.api");
  EXPECT_EQ(checks[1].status, Status::fail);
}

TEST(HostVerdict, CdiSpecsTheEngineDoesNotRead) {
  auto host = host_facts("driver-550");
  EXPECT_EQ(gpu_runtime_check(host, true).status, Status::ok);
  host.engine.cdi_spec_dirs.clear(); // an engine older than API 1.44 ignores CDI
  const auto c = gpu_runtime_check(host, true);
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_TRUE(contains(all_text(c), "this engine does not read CDI specs")) << all_text(c);
  EXPECT_TRUE(contains(c.remedy, "nvidia-ctk runtime configure --runtime=docker"));
}

TEST(HostVerdict, DiskThresholds) {
  DiskFacts d;
  d.path = "/var/lib/docker";
  d.known = true;
  d.total_bytes = 100ULL << 30;
  d.available_bytes = 4ULL << 30;
  EXPECT_EQ(disk_check(d).status, Status::fail);
  d.available_bytes = 19ULL << 30;
  EXPECT_EQ(disk_check(d).status, Status::warn);
  d.available_bytes = 20ULL << 30;
  EXPECT_EQ(disk_check(d).status, Status::ok);
  EXPECT_EQ(disk_check(d).summary, "20.0 GiB free of 100.0 GiB under /var/lib/docker");
  d.known = false;
  EXPECT_EQ(disk_check(d).status, Status::warn);
}

} // namespace
} // namespace plinth::doctor
