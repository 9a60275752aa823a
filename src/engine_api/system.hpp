// SPDX-License-Identifier: Apache-2.0
// Docker Engine API, system resource: GET /_ping, /version, /info, and the error body every
// endpoint answers with. Only the fields Plinth reads.
#pragma once

#include "util/result.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace plinth::engine {

struct Ping {
  std::string api_version;     // the daemon's maximum, from the Api-Version header
  std::string builder_version; // "2" when the daemon defaults to BuildKit; may be empty
  std::string os_type;         // "linux"
  std::string server;          // "Docker/20.10.24 (linux)"
};

struct VersionInfo {
  std::string version;         // "20.10.24+dfsg1"
  std::string api_version;     // "1.41"
  std::string min_api_version; // "1.12"
  std::string os;
  std::string arch;
  std::string kernel_version;
  std::string git_commit;
  std::string go_version;
};

struct Info {
  std::string server_version;
  std::string operating_system; // "Debian GNU/Linux 12 (bookworm)"
  std::string os_type;
  std::string architecture;
  std::string kernel_version;
  std::string driver;                        // storage driver: "overlay2"
  std::string docker_root_dir;               // "/var/lib/docker"
  std::string cgroup_driver;                 // "systemd" | "cgroupfs"
  std::string cgroup_version;                // "1" | "2"
  std::string default_runtime;               // "runc"
  std::vector<std::string> runtimes;         // names, sorted ("nvidia", "runc")
  std::vector<std::string> security_options; // "name=seccomp,profile=default", "name=rootless"
  std::vector<std::string> cdi_spec_dirs;    // CDISpecDirs (Docker 25+)
  std::vector<std::string> warnings;         // the daemon's own warnings
  int ncpu = 0;
  std::int64_t mem_total = 0; // bytes

  bool has_runtime(std::string_view name) const;
};

Result<VersionInfo> parse_version(std::string_view body);
Result<Info> parse_info(std::string_view body);

// {"Id": "..."}: the answer of POST /containers/create and /containers/{id}/exec.
Result<std::string> parse_id_answer(std::string_view body, std::string_view what);

// {"message": "..."} from an error response, else the body itself (trimmed).
std::string error_message(std::string_view body);

} // namespace plinth::engine
