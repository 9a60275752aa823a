// SPDX-License-Identifier: Apache-2.0
#include "doctor/driver_parse.hpp"
#include "doctor/engine_capture.hpp"
#include "doctor/engine_facts.hpp"
#include "doctor/host_parse.hpp"

#include <gtest/gtest.h>

namespace plinth::doctor {
namespace {

struct ProcCase {
  const char* text;
  const char* version;
  const char* flavor;
  const char* arch;
};

TEST(DriverParse, ProcVersionBothModuleForms) {
  const ProcCase cases[] = {
      {"NVRM version: NVIDIA UNIX x86_64 Kernel Module  550.90.07  Fri May 31 09:35:42 UTC 2024\n"
       "GCC version:  gcc version 12.3.0 (Ubuntu 12.3.0-1ubuntu1~22.04)\n",
       "550.90.07", "proprietary", "x86_64"},
      {"NVRM version: NVIDIA UNIX Open Kernel Module for x86_64  575.57.08  Release Build  "
       "(dvs-builder@U16-I3-B03-4-3)  Tue May 20 2025\n",
       "575.57.08", "open", "x86_64"},
      {"NVRM version: NVIDIA UNIX Open Kernel Module for aarch64  590.48.01  Release Build  (x)  "
       "Mon Dec 8 2025\n",
       "590.48.01", "open", "aarch64"},
      {"NVRM version: NVIDIA UNIX x86_64 Kernel Module  470.82.01  Fri Oct 22 20:00:54 UTC 2021\n",
       "470.82.01", "proprietary", "x86_64"},
      {"NVRM version: NVIDIA UNIX aarch64 Kernel Module  570.26  Wed Jan 8 2025\n", "570.26",
       "proprietary", "aarch64"},
      {"NVRM version: NVIDIA UNIX Kernel Module  565.77  Wed Nov 27 2024\n", "565.77",
       "proprietary", ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    const auto d = parse_proc_driver_version(c.text);
    ASSERT_TRUE(d.has_value());
    EXPECT_TRUE(d->present);
    ASSERT_TRUE(d->version.has_value());
    EXPECT_EQ(d->version->str(), c.version);
    EXPECT_EQ(d->module_flavor, c.flavor);
    EXPECT_EQ(d->arch, c.arch);
  }
}

TEST(DriverParse, ProcVersionRejectsGarbage) {
  for (const char* text : {"", "GCC version: gcc 12\n", "NVRM version: something else\n",
                           "NVRM version: NVIDIA UNIX x86_64 Kernel Module  unknown\n"}) {
    EXPECT_FALSE(parse_proc_driver_version(text).has_value()) << text;
  }
}

TEST(DriverParse, BareVersion) {
  EXPECT_EQ(parse_bare_version("550.54.14\n")->str(), "550.54.14");
  EXPECT_EQ(parse_bare_version("570.26")->str(), "570.26");
  EXPECT_FALSE(parse_bare_version("550").has_value());
  EXPECT_FALSE(parse_bare_version("").has_value());
}

TEST(DriverParse, GpuInformation) {
  const auto g =
      parse_gpu_information("Model: \t\t Tesla T4\nIRQ:   \t\t 36\nGPU UUID: \t GPU-8f6b\n"
                            "Bus Location: \t 0000:00:1e.0\n");
  ASSERT_TRUE(g.has_value());
  EXPECT_EQ(g->name, "Tesla T4");
  EXPECT_EQ(g->uuid, "GPU-8f6b");
  EXPECT_EQ(g->pci_bus, "0000:00:1e.0");
  EXPECT_FALSE(parse_gpu_information("IRQ: 36\n").has_value());
}

TEST(DriverParse, SmiHeaderOldAndNewLayouts) {
  const auto old_layout = parse_smi_table(
      "| NVIDIA-SMI 470.161.03   Driver Version: 470.161.03   CUDA Version: 11.4     |\n"
      "|   0  Tesla T4            Off  | 00000000:00:1E.0 Off |                    0 |\n"
      "| N/A   34C    P8     9W /  70W |      0MiB / 15109MiB |      0%      Default |\n");
  ASSERT_TRUE(old_layout.driver && old_layout.cuda);
  EXPECT_EQ(old_layout.driver->str(), "470.161.03");
  EXPECT_EQ(old_layout.cuda->str(), "11.4");
  ASSERT_EQ(old_layout.gpus.size(), 1U);
  EXPECT_EQ(old_layout.gpus[0].name, "Tesla T4");
  EXPECT_EQ(old_layout.gpus[0].memory_mib.value_or(0), 15109);
  EXPECT_TRUE(old_layout.ran);

  const auto new_layout = parse_smi_table("| NVIDIA-SMI 565.77                 Driver Version: "
                                          "565.77         CUDA Version: 12.7     |\n"
                                          "|   0  NVIDIA H100 80GB HBM3          On  |   "
                                          "00000000:19:00.0 Off |                    0 |\n"
                                          "| N/A   31C    P0             61W /  700W |       1MiB "
                                          "/  81559MiB |      0%      Default |\n"
                                          "|   1  NVIDIA H100 80GB HBM3          On  |   "
                                          "00000000:3B:00.0 Off |                    0 |\n");
  ASSERT_TRUE(new_layout.driver && new_layout.cuda);
  EXPECT_EQ(new_layout.driver->str(), "565.77");
  EXPECT_EQ(new_layout.cuda->str(), "12.7");
  ASSERT_EQ(new_layout.gpus.size(), 2U);
  EXPECT_EQ(new_layout.gpus[1].index, 1);
  EXPECT_EQ(new_layout.gpus[0].memory_mib.value_or(0), 81559);
  EXPECT_FALSE(new_layout.gpus[1].memory_mib.has_value());
}

TEST(DriverParse, SmiHeaderWithoutCuda) {
  const auto s = parse_smi_table("| NVIDIA-SMI 535.54.03   Driver Version: 535.54.03 |\n");
  ASSERT_TRUE(s.driver.has_value());
  EXPECT_FALSE(s.cuda.has_value());
}

TEST(DriverParse, SmiFailures) {
  const struct {
    const char* text;
    bool mismatch;
  } cases[] = {
      {"Failed to initialize NVML: Driver/library version mismatch\nNVML library version: "
       "550.120\n",
       true},
      {"NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. Make sure "
       "that "
       "the latest NVIDIA driver is installed and running.\n",
       false},
      {"No devices were found\n", false},
  };
  for (const auto& c : cases) {
    const auto s = parse_smi_table(c.text);
    EXPECT_FALSE(s.ran) << c.text;
    EXPECT_FALSE(s.failure.empty()) << c.text;
    EXPECT_EQ(s.version_mismatch, c.mismatch) << c.text;
  }
}

TEST(DriverParse, SmiQueryCsv) {
  std::optional<Version> driver;
  const auto gpus = parse_smi_query("550.90.07, NVIDIA H100 80GB HBM3, 81559 MiB, GPU-1111\n"
                                    "550.90.07, NVIDIA H100 80GB HBM3, 81559, GPU-2222\n"
                                    "\n"
                                    "Field \"compute_cap\" is not a valid field to query.\n",
                                    &driver);
  ASSERT_EQ(gpus.size(), 2U);
  EXPECT_EQ(driver->str(), "550.90.07");
  EXPECT_EQ(gpus[0].memory_mib.value_or(0), 81559);
  EXPECT_EQ(gpus[1].memory_mib.value_or(0), 81559);
  EXPECT_EQ(gpus[1].uuid, "GPU-2222");
  EXPECT_EQ(gpus[1].index, 1);
}

TEST(DriverParse, SmiVersion) {
  const auto s = parse_smi_version("NVIDIA-SMI version  : 590.48.01\nNVML version        : 590.48\n"
                                   "DRIVER version      : 590.48.01\nCUDA Version        : 13.1\n"
                                   "GSP Firmware Version: 590.48.01\n");
  ASSERT_TRUE(s.driver && s.cuda);
  EXPECT_EQ(s.driver->str(), "590.48.01");
  EXPECT_EQ(s.cuda->str(), "13.1");
  EXPECT_TRUE(s.ran);
}

TEST(HostParse, CudaAndCudnnVersions) {
  EXPECT_EQ(parse_cuda_version_json(R"({"cuda": {"name": "CUDA SDK", "version": "12.3.107"}})")
                .value_or(""),
            "12.3.107");
  EXPECT_FALSE(parse_cuda_version_json("{}").has_value());
  EXPECT_FALSE(parse_cuda_version_json("not json").has_value());
  EXPECT_EQ(parse_cuda_version_txt("CUDA Version 11.0.228\n").value_or(""), "11.0.228");
  EXPECT_EQ(parse_cudnn_header(
                "#define CUDNN_MAJOR 9\n#define CUDNN_MINOR 3\n#define CUDNN_PATCHLEVEL 0\n")
                .value_or(""),
            "9.3.0");
  EXPECT_FALSE(parse_cudnn_header("#define CUDNN_MAJOR 9\n").has_value());
}

TEST(HostParse, DaemonJsonAndCdi) {
  const auto d = parse_daemon_json(R"({"default-shm-size": "2G", "default-runtime": "nvidia",
                                       "runtimes": {"nvidia": {"path": "nvidia-container-runtime"}}})");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->default_shm_size, "2G");
  EXPECT_EQ(d->default_runtime, "nvidia");
  EXPECT_EQ(d->runtimes, std::vector<std::string>{"nvidia"});
  EXPECT_FALSE(parse_daemon_json("[1]").has_value());
  EXPECT_TRUE(is_nvidia_cdi_spec("cdiVersion: 0.5.0\nkind: nvidia.com/gpu\n"));
  EXPECT_TRUE(is_nvidia_cdi_spec(R"({"cdiVersion":"0.6.0","kind":"nvidia.com/gpu","devices":[]})"));
  EXPECT_FALSE(is_nvidia_cdi_spec("kind: vendor.example.com/fpga\n"));
}

TEST(HostParse, Cgroups) {
  const auto v2 = parse_cgroup_v2("cpuset cpu io memory hugetlb pids rdma misc\n");
  EXPECT_EQ(v2.version, 2);
  EXPECT_TRUE(v2.memory && v2.pids && v2.cpu);
  const auto v2_partial = parse_cgroup_v2("cpuset io\n");
  EXPECT_FALSE(v2_partial.memory || v2_partial.pids || v2_partial.cpu);
  const auto v1 =
      cgroup_v1_from_dirs({"blkio", "cpu,cpuacct", "memory", "pids", "systemd", "unified"});
  EXPECT_EQ(v1.version, 1);
  EXPECT_TRUE(v1.memory && v1.pids && v1.cpu);
  EXPECT_EQ(v1.controllers.size(), 4U);
}

TEST(EngineFacts, FromTheClientsParsedInfoVersionPing) {
  EngineFacts e;
  const auto info =
      engine::parse_info(R"({"ServerVersion":"27.5.1","Driver":"overlay2","CgroupDriver":"systemd",
      "CgroupVersion":"2","DockerRootDir":"/srv/docker","Runtimes":{"runc":{"path":"runc"},
      "nvidia":{"path":"nvidia-container-runtime","status":{}}},"DefaultRuntime":"runc",
      "SecurityOptions":["name=seccomp,profile=builtin","name=rootless"],"CDISpecDirs":["/etc/cdi"],
      "NCPU":8,"MemTotal":1024,"Warnings":null,"Unknown":{"nested":[1,2]}})");
  ASSERT_TRUE(info);
  apply_info(*info, e);
  EXPECT_EQ(e.server_version, "27.5.1");
  EXPECT_EQ(e.storage_driver, "overlay2");
  EXPECT_EQ(e.cgroup_version, "2");
  EXPECT_EQ(e.docker_root_dir, "/srv/docker");
  EXPECT_TRUE(e.has_runtime("nvidia"));
  EXPECT_EQ(e.runtimes, (std::vector<std::string>{"nvidia", "runc"}));
  EXPECT_TRUE(e.rootless);
  EXPECT_EQ(e.cdi_spec_dirs.size(), 1U);
  EXPECT_EQ(e.ncpu, 8);
  const auto version = engine::parse_version(
      R"({"Version":"27.5.1","ApiVersion":"1.47","MinAPIVersion":"1.24","Os":"linux"})");
  ASSERT_TRUE(version);
  apply_version(*version, e);
  EXPECT_EQ(e.api_version, "1.47");
  EXPECT_EQ(e.min_api_version, "1.24");
  apply_ping(engine::Ping{"1.47", "2", "linux", ""}, e);
  EXPECT_EQ(e.builder_version, "2");
  EXPECT_EQ(parse_header_block("api-version: 1.47\nBuilder-Version: 2\n").at("Builder-Version"),
            "2");
  EXPECT_FALSE(engine::parse_info("<html>"));
}

} // namespace
} // namespace plinth::doctor
