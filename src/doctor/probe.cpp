// SPDX-License-Identifier: Apache-2.0
#include "doctor/probe.hpp"

#include "doctor/driver_parse.hpp"
#include "doctor/host_parse.hpp"
#include "doctor/text.hpp"

#include <algorithm>

namespace plinth::doctor {

const Command& smi_query_command() {
  static const Command k_cmd{
      "nvidia-smi-query",
      {"nvidia-smi", std::string("--query-gpu=") + k_smi_query_fields, "--format=csv,noheader"}};
  return k_cmd;
}

const Command& smi_version_command() {
  static const Command k_cmd{"nvidia-smi-version", {"nvidia-smi", "--version"}};
  return k_cmd;
}

const Command& smi_table_command() {
  static const Command k_cmd{"nvidia-smi", {"nvidia-smi"}};
  return k_cmd;
}

DriverFacts probe_driver(const HostView& host) {
  DriverFacts out;
  if (auto text = host.read("/proc/driver/nvidia/version")) {
    if (auto parsed = parse_proc_driver_version(*text)) {
      out = std::move(*parsed);
    }
  }
  out.module_loaded = host.exists("/sys/module/nvidia");
  if (auto text = host.read("/sys/module/nvidia/version")) {
    out.sys_module_version = parse_bare_version(*text);
  }
  return out;
}

namespace {

void merge_smi(SmiFacts& into, const SmiFacts& from) {
  into.ran = into.ran || from.ran;
  if (into.failure.empty()) {
    into.failure = from.failure;
  }
  into.version_mismatch = into.version_mismatch || from.version_mismatch;
  if (!into.driver) {
    into.driver = from.driver;
  }
  if (!into.cuda) {
    into.cuda = from.cuda;
  }
  if (into.gpus.empty()) {
    into.gpus = from.gpus;
  }
}

} // namespace

SmiFacts probe_smi(const HostView& host) {
  SmiFacts out;
  if (!host.which("nvidia-smi")) {
    return out;
  }
  out.found = true;
  if (auto q = host.run(smi_query_command())) {
    if (q->exit_code == 124) {
      out.failure = "nvidia-smi did not finish in time (a hung driver or GPU?)";
      return out; // the other invocations would hang too
    }
    out.failure = smi_failure(q->output);
    out.version_mismatch = text::contains(q->output, "Driver/library version mismatch");
    if (q->exit_code == 0) {
      out.gpus = parse_smi_query(q->output, &out.driver);
      out.ran = !out.gpus.empty();
    }
  }
  if (auto v = host.run(smi_version_command()); v && v->exit_code == 0) {
    merge_smi(out, parse_smi_version(v->output));
  }
  if (!out.cuda || out.gpus.empty() || !out.ran) {
    // Old drivers lack --version; the table header has the CUDA version.
    if (auto t = host.run(smi_table_command())) {
      merge_smi(out, parse_smi_table(t->output));
    }
  }
  if (!out.failure.empty()) {
    out.ran = false;
  }
  return out;
}

std::vector<GpuFacts> probe_proc_gpus(const HostView& host) {
  std::vector<GpuFacts> out;
  constexpr std::string_view k_dir = "/proc/driver/nvidia/gpus";
  for (const auto& bus : host.list(k_dir)) {
    auto text = host.read(std::string(k_dir) + "/" + bus + "/information");
    if (!text) {
      continue;
    }
    if (auto gpu = parse_gpu_information(*text)) {
      gpu->index = static_cast<int>(out.size());
      if (gpu->pci_bus.empty()) {
        gpu->pci_bus = bus;
      }
      out.push_back(std::move(*gpu));
    }
  }
  return out;
}

CgroupFacts probe_cgroup(const HostView& host) {
  if (auto controllers = host.read("/sys/fs/cgroup/cgroup.controllers")) {
    return parse_cgroup_v2(*controllers);
  }
  const auto dirs = host.list("/sys/fs/cgroup");
  if (dirs.empty()) {
    return {};
  }
  return cgroup_v1_from_dirs(dirs);
}

GpuRuntimeFacts probe_gpu_runtime(const HostView& host) {
  GpuRuntimeFacts out;
  out.hook_path = host.which("nvidia-container-runtime-hook").value_or("");
  if (out.hook_path.empty()) {
    out.hook_path = host.which("nvidia-cdi-hook").value_or("");
  }
  out.ctk_path = host.which("nvidia-ctk").value_or("");
  out.runtime_path = host.which("nvidia-container-runtime").value_or("");
  for (const std::string dir : {"/etc/cdi", "/var/run/cdi"}) {
    for (const auto& name : host.list(dir)) {
      const auto path = dir + "/" + name;
      if (auto spec = host.read(path); spec && is_nvidia_cdi_spec(*spec)) {
        out.cdi_specs.push_back(path);
      }
    }
  }
  return out;
}

ToolkitFacts probe_toolkits(const HostView& host) {
  ToolkitFacts out;
  for (const auto& name : host.list("/usr/local")) {
    if (!text::starts_with(name, "cuda")) {
      continue;
    }
    const auto dir = "/usr/local/" + name;
    std::optional<std::string> version;
    if (auto j = host.read(dir + "/version.json")) {
      version = parse_cuda_version_json(*j);
    }
    if (!version) {
      if (auto t = host.read(dir + "/version.txt")) {
        version = parse_cuda_version_txt(*t);
      }
    }
    if (!version) {
      continue;
    }
    // /usr/local/cuda and /usr/local/cuda-12 are usually links to /usr/local/cuda-12.3:
    // one entry per version, named by the most specific directory.
    auto same = std::find_if(out.cuda.begin(), out.cuda.end(),
                             [&](const auto& e) { return e.second == *version; });
    if (same == out.cuda.end()) {
      out.cuda.emplace_back(dir, *version);
    } else if (dir.size() > same->first.size()) {
      same->first = dir;
    }
  }
  for (const std::string header :
       {"/usr/include/cudnn_version.h", "/usr/include/x86_64-linux-gnu/cudnn_version_v9.h",
        "/usr/include/x86_64-linux-gnu/cudnn_version_v8.h",
        "/usr/local/cuda/include/cudnn_version.h", "/usr/include/cudnn.h"}) {
    if (auto t = host.read(header)) {
      if (auto v = parse_cudnn_header(*t)) {
        out.cudnn = *v;
        out.cudnn_header = header;
        break;
      }
    }
  }
  return out;
}

DaemonConfigFacts probe_daemon_config(const HostView& host) {
  constexpr const char* k_path = "/etc/docker/daemon.json";
  if (auto text = host.read(k_path)) {
    auto parsed = parse_daemon_json(*text);
    DaemonConfigFacts out = parsed.value_or(DaemonConfigFacts{});
    out.found = true;
    out.path = k_path;
    return out;
  }
  return {};
}

DiskFacts probe_disk(const HostView& host, const EngineFacts& engine) {
  DiskFacts out;
  out.path = engine.docker_root_dir.empty() ? "/var/lib/docker" : engine.docker_root_dir;
  if (auto space = host.disk_space(out.path)) {
    out.known = true;
    out.total_bytes = space->total_bytes;
    out.available_bytes = space->available_bytes;
  }
  return out;
}

HostFacts probe_host(const HostView& host, const ProbeOptions& options) {
  HostFacts facts;
  facts.root = host.root();
  facts.driver = probe_driver(host);
  facts.proc_gpus = probe_proc_gpus(host);
  if (options.run_nvidia_smi) {
    facts.smi = probe_smi(host);
  }
  facts.cgroup = probe_cgroup(host);
  facts.gpu_runtime = probe_gpu_runtime(host);
  facts.toolkits = probe_toolkits(host);
  facts.daemon_config = probe_daemon_config(host);
  return facts;
}

} // namespace plinth::doctor
