// SPDX-License-Identifier: Apache-2.0
// The host probes: read the driver, nvidia-smi, cgroups, GPU container support, host CUDA
// toolkits and the daemon configuration through a HostView into a HostFacts snapshot.
// The engine section is filled separately (engine_parse.hpp, by the app layer).
#pragma once

#include "doctor/facts.hpp"
#include "doctor/host_view.hpp"

namespace plinth::doctor {

// The nvidia-smi invocations (ids name their captured outputs in fixtures).
const Command& smi_query_command();   // --query-gpu=...,--format=csv,noheader
const Command& smi_version_command(); // --version
const Command& smi_table_command();   // plain nvidia-smi

struct ProbeOptions {
  bool run_nvidia_smi = true;
};

HostFacts probe_host(const HostView& host, const ProbeOptions& options = {});

DriverFacts probe_driver(const HostView& host);
SmiFacts probe_smi(const HostView& host);
std::vector<GpuFacts> probe_proc_gpus(const HostView& host);
CgroupFacts probe_cgroup(const HostView& host);
GpuRuntimeFacts probe_gpu_runtime(const HostView& host);
ToolkitFacts probe_toolkits(const HostView& host);
DaemonConfigFacts probe_daemon_config(const HostView& host);

// Free space where the engine keeps images: facts.engine.docker_root_dir when the engine
// answered, else Docker's default /var/lib/docker.
DiskFacts probe_disk(const HostView& host, const EngineFacts& engine);

} // namespace plinth::doctor
