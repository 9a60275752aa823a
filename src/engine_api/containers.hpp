// SPDX-License-Identifier: Apache-2.0
// Docker Engine API, containers resource: create (with the HostConfig a workstation needs),
// start, wait, stop, inspect, list, logs, remove. Values and their pure JSON/query mapping.
#pragma once

#include "util/result.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plinth::engine {

// HostConfig fields. Unset optionals and empty lists are not sent, so the engine's defaults
// apply.
struct DeviceRequest { // HostConfig.DeviceRequests[]
  std::string driver = "nvidia";
  std::int64_t count = 0;              // -1 = all GPUs; 0 when device_ids are given
  std::vector<std::string> device_ids; // "0", "GPU-<uuid>"; never with a count
  std::vector<std::vector<std::string>> capabilities{{"gpu"}}; // OR-list of AND-lists
};

struct PortBinding { // HostConfig.PortBindings + ExposedPorts
  int container_port = 0;
  std::string protocol = "tcp";
  std::string host_ip = "127.0.0.1";
  int host_port = 0; // 0: the engine picks a free port
};

struct MountSpec {           // HostConfig.Mounts[]
  std::string type = "bind"; // bind | volume | tmpfs
  std::string source;        // host path (bind) or volume name
  std::string target;        // absolute path in the container
  bool read_only = false;
};

struct Ulimit {
  std::string name; // "nofile", "memlock"
  std::int64_t soft = 0;
  std::int64_t hard = 0;
};

struct HostSettings {
  std::optional<std::int64_t> memory;      // Memory (bytes)
  std::optional<std::int64_t> memory_swap; // MemorySwap: memory + swap; = memory: no swap
  std::optional<std::int64_t> shm_size;    // ShmSize (bytes)
  std::optional<std::int64_t> nano_cpus;   // NanoCpus: CPUs x 1e9
  std::optional<std::int64_t> pids_limit;  // PidsLimit
  std::vector<DeviceRequest> device_requests;
  std::vector<PortBinding> ports;
  std::vector<MountSpec> mounts;
  std::map<std::string, std::string> tmpfs; // Tmpfs: path -> mount options
  std::vector<std::string> security_opt;    // "no-new-privileges:true"
  std::vector<std::string> cap_drop;        // "ALL"
  std::vector<std::string> cap_add;
  std::optional<bool> init;   // Init: false keeps the image's own PID 1
  std::string restart_policy; // RestartPolicy.Name; empty: not sent
  std::vector<Ulimit> ulimits;
};

struct ContainerSpec { // POST /containers/create
  std::string image;
  std::vector<std::string> cmd;
  std::vector<std::string> entrypoint; // empty: the image's; {""} clears it
  std::string user;                    // "uid:gid"; empty: the image's
  std::vector<std::string> env;        // "K=V"
  std::map<std::string, std::string> labels;
  std::string network_mode; // "none" for read-back runs
  std::string name;         // optional container name
  HostSettings host;
  std::string working_dir;         // WorkingDir; empty: the image's
  std::optional<int> stop_timeout; // StopTimeout (seconds) for docker stop
  std::string hostname;            // Hostname
};

struct WaitResult {
  std::int64_t status_code = 0;
  std::string error;
};

struct Logs {
  std::string out;
  std::string err;
};

struct ContainerInfo { // GET /containers/{id}/json
  std::string id;
  std::string name;     // without the leading "/"
  std::string image;    // Config.Image as given at create
  std::string image_id; // "sha256:..."
  std::string status;   // State.Status: created, running, exited, ...
  bool running = false;
  std::int64_t exit_code = 0;
  std::string started_at; // RFC 3339
  std::map<std::string, std::string> labels;
  std::vector<PortBinding> ports; // NetworkSettings.Ports (what is published)
};

struct ContainerSummary { // GET /containers/json
  std::string id;
  std::string name; // first name, without "/"
  std::string image;
  std::string state;  // running, exited, ...
  std::string status; // "Up 3 minutes"
  std::map<std::string, std::string> labels;
};

struct ContainerFilter {
  std::vector<std::string> labels; // "key" or "key=value", all must match
  std::vector<std::string> names;  // name patterns (substring match by the engine)
  bool all = true;                 // stopped ones too
};

struct LogOptions {
  bool follow = false;
  std::string tail = "all"; // "all" or a line count
  bool stdout_stream = true;
  bool stderr_stream = true;
};

// Body of POST /containers/create: every set field of the spec, nothing else.
std::string create_container_body(const ContainerSpec& spec);
Result<WaitResult> parse_wait(std::string_view body);
Result<ContainerInfo> parse_container_inspect(std::string_view body);
Result<std::vector<ContainerSummary>> parse_container_list(std::string_view body);
// Query string (without '?') for GET /containers/json.
std::string container_list_query(const ContainerFilter& filter);
// Query string for GET /containers/{id}/logs.
std::string logs_query(const LogOptions& options);

} // namespace plinth::engine
