// SPDX-License-Identifier: Apache-2.0
// GPU section: the NVIDIA driver, its kernel module, nvidia-smi, the GPUs, and the host's
// own CUDA toolkit / cuDNN (information only).
#include "doctor/diagnose.hpp"
#include "doctor/text.hpp"

namespace plinth::doctor {
namespace {

constexpr const char* k_gpu_section = "gpu";

std::string drv(const Version& v) {
  return compat::driver_str(v);
}

Check driver_check(const HostFacts& host, bool gpu_wanted, const compat::Db& db) {
  const auto& d = host.driver;
  const auto version = host.driver_version();
  if (!version) {
    const std::string summary = "no NVIDIA driver: /proc/driver/nvidia/version is missing";
    if (!gpu_wanted) {
      auto c = ok_check("gpu.driver", k_gpu_section, "NVIDIA driver",
                        summary + " (fine for CPU images; GPU images cannot run here)");
      return c;
    }
    auto c = fail_check("gpu.driver", k_gpu_section, "NVIDIA driver", summary,
                        "install the NVIDIA driver on a host with an NVIDIA GPU (Debian/Ubuntu: "
                        "the nvidia-driver / nvidia-driver-<branch> package, or NVIDIA's .run "
                        "installer), reboot, then check `cat /proc/driver/nvidia/version`");
    c.details.push_back("a GPU image was asked for; see the image checks for the driver it needs");
    return c;
  }
  std::string how =
      d.present ? d.module_flavor + " kernel module"
      : d.sys_module_version
          ? std::string("from /sys/module/nvidia/version")
          : std::string("from nvidia-smi; no /proc/driver/nvidia/version, as under WSL");
  if (!d.arch.empty()) {
    how += ", " + d.arch;
  }
  auto c = ok_check("gpu.driver", k_gpu_section, "NVIDIA driver",
                    "driver " + drv(*version) + " (" + how + ")");
  if (!d.proc_line.empty()) {
    c.details.push_back(d.proc_line);
  }
  if (const auto cuda = driver_cuda(host, db)) {
    c.details.push_back("supports CUDA up to " + cuda->str() +
                        (host.smi.cuda ? " (nvidia-smi)" : " (from the compatibility database)") +
                        ": the highest CUDA the driver runs, not an installed toolkit");
  }
  c.details.push_back("runs " + cuda_on_driver(db, *version));
  c.details.push_back("newest TensorFlow GPU build: " + tensorflow_on_driver(db, *version));
  return c;
}

std::optional<Check> module_check(const HostFacts& host) {
  const auto& d = host.driver;
  if (!d.present) {
    return std::nullopt;
  }
  if (!d.module_loaded) {
    return warn_check("gpu.kernel-module", k_gpu_section, "Kernel module",
                      "/sys/module/nvidia is not visible (inside a container, or an unusual setup)",
                      "check `lsmod | grep nvidia` on the host");
  }
  if (d.sys_module_version && d.version && *d.sys_module_version != *d.version) {
    return warn_check("gpu.kernel-module", k_gpu_section, "Kernel module",
                      "loaded module " + drv(*d.sys_module_version) + " differs from " +
                          drv(*d.version),
                      "reboot so the installed driver's kernel module is the loaded one");
  }
  return ok_check("gpu.kernel-module", k_gpu_section, "Kernel module",
                  "nvidia loaded" + (d.sys_module_version ? " (" + drv(*d.sys_module_version) + ")"
                                                          : std::string()));
}

std::optional<Check> smi_check(const HostFacts& host) {
  const auto& s = host.smi;
  const auto version = host.driver_version();
  if (!s.found) {
    if (!version) {
      return std::nullopt;
    }
    return warn_check(
        "gpu.nvidia-smi", k_gpu_section, "nvidia-smi",
        "nvidia-smi not found: the driver's utilities are not installed",
        "install the driver's utilities (Debian: nvidia-smi; Ubuntu: nvidia-utils-<branch>)");
  }
  if (s.version_mismatch) {
    auto c = fail_check("gpu.nvidia-smi", k_gpu_section, "nvidia-smi",
                        "Driver/library version mismatch: the user-space driver was upgraded but "
                        "the old kernel module is still loaded; CUDA fails until it is reloaded",
                        "reboot (or stop every GPU process and reload the nvidia kernel modules)");
    c.details.push_back(s.failure);
    return c;
  }
  if (!s.failure.empty() || !s.ran) {
    auto c = fail_check("gpu.nvidia-smi", k_gpu_section, "nvidia-smi",
                        "nvidia-smi cannot talk to the driver: " +
                            (s.failure.empty() ? std::string("no usable output") : s.failure),
                        "check that the nvidia kernel module is loaded (`lsmod | grep nvidia`, "
                        "`dmesg | grep -i nvrm`); reinstall the driver if it is not");
    return c;
  }
  if (s.driver && version && *s.driver != *version) {
    return warn_check("gpu.nvidia-smi", k_gpu_section, "nvidia-smi",
                      "nvidia-smi reports driver " + drv(*s.driver) + " but the kernel module is " +
                          drv(*version),
                      "reboot so user-space and kernel driver match (under WSL this is expected)");
  }
  return ok_check("gpu.nvidia-smi", k_gpu_section, "nvidia-smi",
                  "driver " + (s.driver ? drv(*s.driver) : std::string("?")) + ", CUDA " +
                      (s.cuda ? s.cuda->str() : std::string("?")) +
                      " (highest supported, not a toolkit)");
}

std::optional<Check> devices_check(const HostFacts& host, bool gpu_wanted) {
  if (!host.driver_version()) {
    return std::nullopt;
  }
  const auto& gpus = host.gpus();
  if (gpus.empty()) {
    const std::string summary = "the driver is loaded but no GPU is visible";
    const std::string remedy = "check `nvidia-smi -L` and `lspci | grep -i nvidia`; the GPU may be "
                               "unsupported by this driver branch or held by another driver";
    return gpu_wanted ? fail_check("gpu.devices", k_gpu_section, "GPUs", summary, remedy)
                      : warn_check("gpu.devices", k_gpu_section, "GPUs", summary, remedy);
  }
  auto c = ok_check("gpu.devices", k_gpu_section, "GPUs",
                    std::to_string(gpus.size()) + (gpus.size() == 1 ? " GPU" : " GPUs"));
  for (const auto& g : gpus) {
    std::string line = std::to_string(g.index) + ": " + g.name;
    if (g.memory_mib) {
      line += ", " + text::human_bytes(static_cast<unsigned long long>(*g.memory_mib) << 20);
    }
    if (!g.uuid.empty()) {
      line += ", " + g.uuid;
    }
    c.details.push_back(line);
  }
  return c;
}

Check toolkit_check(const HostFacts& host) {
  const auto& t = host.toolkits;
  std::string summary;
  for (const auto& [dir, version] : t.cuda) {
    summary += (summary.empty() ? "CUDA " : ", CUDA ") + version + " in " + dir;
  }
  if (summary.empty()) {
    summary = "no CUDA toolkit on the host";
  }
  summary += t.cudnn.empty() ? "; no cuDNN" : "; cuDNN " + t.cudnn;
  auto c = ok_check("gpu.host-toolkit", k_gpu_section, "Host CUDA/cuDNN", summary);
  c.details.push_back("information only: images bring their own CUDA and cuDNN; only the driver "
                      "comes from the host");
  return c;
}

} // namespace

std::vector<Check> gpu_checks(const HostFacts& host, bool gpu_wanted, const compat::Db& db) {
  std::vector<Check> out;
  out.push_back(driver_check(host, gpu_wanted, db));
  for (auto c : {module_check(host), smi_check(host), devices_check(host, gpu_wanted)}) {
    if (c) {
      out.push_back(std::move(*c));
    }
  }
  out.push_back(toolkit_check(host));
  return out;
}

} // namespace plinth::doctor
