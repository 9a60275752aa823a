// SPDX-License-Identifier: Apache-2.0
// What `plinth doctor` knows about a host: plain values filled by the probes (probe.hpp,
// engine_parse.hpp) and judged by the pure verdicts (diagnose.hpp). A snapshot: nothing
// here touches the host.
#pragma once

#include "util/version.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace plinth::doctor {

// The NVIDIA kernel driver, from /proc/driver/nvidia/version and /sys/module/nvidia.
struct DriverFacts {
  bool present = false;                      // /proc/driver/nvidia/version readable and parsed
  std::optional<Version> version;            // e.g. 470.82.01
  std::string module_flavor;                 // "proprietary" or "open" (open kernel module)
  std::string arch;                          // "x86_64", "aarch64"; empty when not stated
  std::string proc_line;                     // the NVRM line as read, for the report
  bool module_loaded = false;                // /sys/module/nvidia exists
  std::optional<Version> sys_module_version; // /sys/module/nvidia/version
};

struct GpuFacts {
  int index = 0;
  std::string name; // "NVIDIA A100-SXM4-80GB"
  std::optional<std::int64_t> memory_mib;
  std::string uuid;        // "GPU-..."
  std::string compute_cap; // "8.0" when nvidia-smi reports it
  std::string pci_bus;     // from /proc/driver/nvidia/gpus/<bus>/
};

// What nvidia-smi said (or that it is missing / failing).
struct SmiFacts {
  bool found = false;            // on PATH (or captured)
  bool ran = false;              // produced parsable output
  std::string failure;           // its error text when it ran but failed
  bool version_mismatch = false; // "Driver/library version mismatch" (reboot needed)
  std::optional<Version> driver; // "Driver Version" / "DRIVER version"
  std::optional<Version> cuda;   // highest CUDA the driver supports (not a toolkit)
  std::vector<GpuFacts> gpus;
};

struct CgroupFacts {
  int version = 0;                      // 1, 2, or 0 when unknown
  std::vector<std::string> controllers; // v2: cgroup.controllers; v1: mounted hierarchies
  bool memory = false;
  bool pids = false;
  bool cpu = false;
};

// Evidence that `docker run --gpus` can work, apart from the engine's own /info.
struct GpuRuntimeFacts {
  std::string hook_path;              // nvidia-container-runtime-hook (or nvidia-cdi-hook)
  std::string ctk_path;               // nvidia-ctk
  std::string runtime_path;           // nvidia-container-runtime
  std::vector<std::string> cdi_specs; // CDI spec files naming nvidia.com/gpu
};

// Host CUDA toolkits / cuDNN: information only, images bring their own.
struct ToolkitFacts {
  std::vector<std::pair<std::string, std::string>> cuda; // install dir -> version
  std::string cudnn; // "8.9.7" from cudnn_version.h; empty when none
  std::string cudnn_header;
};

struct DiskFacts {
  std::string path; // the engine's data root (or its default)
  bool known = false;
  std::uint64_t total_bytes = 0;
  std::uint64_t available_bytes = 0;
};

// The Docker Engine as seen through /_ping, /version and /info.
enum class EngineReach {
  not_probed, // engine section skipped
  ok,
  socket_missing,    // no socket file at the endpoint
  permission_denied, // the socket exists but we may not connect
  not_answering,     // connection refused / timed out / garbage
  error,             // answered with an HTTP error
};
std::string_view engine_reach_name(EngineReach r);

struct EngineFacts {
  EngineReach reach = EngineReach::not_probed;
  std::string endpoint;       // "unix:///var/run/docker.sock"
  std::string error;          // what failed, verbatim
  std::string server_version; // "20.10.24+dfsg1"
  std::string api_version;    // negotiated max from /_ping or /version
  std::string min_api_version;
  std::string builder_version; // /_ping Builder-Version: "2" = BuildKit, "1" classic
  std::string os;
  std::string arch;
  std::string kernel_version;
  std::string operating_system;
  std::string storage_driver;  // "overlay2"
  std::string cgroup_driver;   // "systemd" / "cgroupfs"
  std::string cgroup_version;  // "1" / "2"
  std::string docker_root_dir; // "/var/lib/docker"
  std::string default_runtime;
  std::vector<std::string> runtimes; // names, sorted
  std::vector<std::string> cdi_spec_dirs;
  std::vector<std::string> security_options;
  std::vector<std::string> warnings;
  int ncpu = 0;
  std::int64_t mem_total = 0;
  bool rootless = false;
  bool info_known = false; // /info answered and parsed
  bool has_runtime(std::string_view name) const;
};

// Engine daemon configuration that matters to ML containers (daemon.json).
struct DaemonConfigFacts {
  bool found = false;
  std::string path;
  std::string default_shm_size; // as written, e.g. "1G"; empty: Docker's 64 MiB
  std::string default_runtime;
  std::vector<std::string> runtimes;
};

struct HostFacts {
  std::string root = "/"; // prefix the probes read under
  DriverFacts driver;
  SmiFacts smi;
  std::vector<GpuFacts> proc_gpus; // from /proc/driver/nvidia/gpus/*/information
  CgroupFacts cgroup;
  GpuRuntimeFacts gpu_runtime;
  ToolkitFacts toolkits;
  DaemonConfigFacts daemon_config;
  EngineFacts engine;
  DiskFacts disk;

  // The driver version from the best source: /proc, else /sys/module, else nvidia-smi.
  std::optional<Version> driver_version() const;
  // GPUs from nvidia-smi when it ran, else from /proc/driver/nvidia/gpus.
  const std::vector<GpuFacts>& gpus() const;
};

} // namespace plinth::doctor
