// SPDX-License-Identifier: Apache-2.0
// Host section: cgroups (can profile limits be enforced?) and the default shm size.
#include "doctor/diagnose.hpp"
#include "doctor/text.hpp"

namespace plinth::doctor {
namespace {

constexpr const char* k_host_section = "host";

Check cgroup_check(const CgroupFacts& cg) {
  const std::string title = "cgroups";
  if (cg.version == 0) {
    return warn_check("host.cgroup", k_host_section, title,
                      "cannot tell the cgroup version: /sys/fs/cgroup is empty or missing",
                      "mount cgroups (systemd does this at boot); without them memory/pids/cpu "
                      "limits are not enforced");
  }
  std::vector<std::string> missing;
  if (!cg.memory) {
    missing.emplace_back("memory");
  }
  if (!cg.pids) {
    missing.emplace_back("pids");
  }
  if (!cg.cpu) {
    missing.emplace_back("cpu");
  }
  const auto v = "cgroup v" + std::to_string(cg.version);
  Check c;
  if (missing.empty()) {
    c = ok_check("host.cgroup", k_host_section, title,
                 v + ": memory, pids and cpu limits are enforceable");
  } else {
    std::string list;
    for (std::size_t i = 0; i < missing.size(); ++i) {
      list += (i == 0 ? "" : i + 1 == missing.size() ? " and " : ", ") + missing[i];
    }
    c = warn_check("host.cgroup", k_host_section, title,
                   v + ": no " + list + (missing.size() == 1 ? " controller" : " controllers") +
                       ": profile limits on " + list + " will not be enforced",
                   cg.version == 2
                       ? "enable the controllers for delegated cgroups (systemd: `Delegate=yes`; "
                         "or `echo +memory +pids +cpu > /sys/fs/cgroup/cgroup.subtree_control`)"
                       : "enable them on the kernel command line (e.g. cgroup_enable=memory "
                         "swapaccount=1) and reboot");
  }
  std::string ctl;
  for (const auto& x : cg.controllers) {
    ctl += (ctl.empty() ? "" : " ") + x;
  }
  c.details.push_back("controllers: " + (ctl.empty() ? std::string("(none)") : ctl));
  if (cg.version == 1) {
    c.details.push_back(
        "cgroup v1 works, but current Docker and systemd releases are moving to v2 only");
  }
  return c;
}

Check shm_check(const DaemonConfigFacts& d) {
  const auto size = d.default_shm_size.empty() ? std::string("64 MiB (Docker's default)")
                                               : d.default_shm_size + " (" + d.path + ")";
  auto c = ok_check("host.shm", k_host_section, "Default /dev/shm", "containers get " + size);
  c.details.push_back("TensorFlow input pipelines and NCCL usually need 1-16 GiB: set `shm:` in a "
                      "stack profile (plinth up passes it as ShmSize)");
  return c;
}

} // namespace

std::vector<Check> host_checks(const HostFacts& host) {
  return {cgroup_check(host.cgroup), shm_check(host.daemon_config)};
}

} // namespace plinth::doctor
