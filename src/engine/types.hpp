// SPDX-License-Identifier: Apache-2.0
// Values exchanged with the Docker Engine API: only the fields Plinth reads or sends.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
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
  std::string driver;                        // storage driver: "overlay2"
  std::string docker_root_dir;               // "/var/lib/docker"
  std::string cgroup_driver;                 // "systemd" | "cgroupfs"
  std::string cgroup_version;                // "1" | "2"
  std::string default_runtime;               // "runc"
  std::vector<std::string> runtimes;         // names, sorted ("nvidia", "runc")
  std::vector<std::string> security_options; // "name=seccomp,profile=default", "name=rootless"
  int ncpu = 0;
  std::int64_t mem_total = 0; // bytes
  nlohmann::json raw;         // the whole /info document (open schema)

  bool has_runtime(std::string_view name) const {
    for (const auto& r : runtimes) {
      if (r == name) {
        return true;
      }
    }
    return false;
  }
};

// One line of the JSON progress stream of build, push, import and pull.
struct StreamMessage {
  std::string stream;       // build log text (may hold several lines, or part of one)
  std::string status;       // "Pushing", "<tag>: digest: sha256:... size: N"
  std::string id;           // layer or step id
  std::int64_t current = 0; // progressDetail
  std::int64_t total = 0;
  std::string error;  // errorDetail.message or error: the operation failed
  nlohmann::json aux; // {"ID": "sha256:..."} (build) or {"Tag","Digest","Size"} (push)
};
using StreamSink = std::function<void(const StreamMessage&)>;

struct BuildRequest {
  std::string context_tar;               // uncompressed tar holding the Dockerfile
  std::string dockerfile = "Dockerfile"; // path inside the context
  std::vector<std::string> tags;         // "repo:tag"
  std::map<std::string, std::string> labels;
  std::map<std::string, std::string> build_args;
  std::string network_mode; // "host" lets RUN download without a bridge
  bool no_cache = false;
  bool pull = false;
};

struct BuildResult {
  std::string image_id; // "sha256:..."
};

struct ImageInfo {
  std::string id; // "sha256:..." (the config digest)
  std::vector<std::string> repo_tags;
  std::vector<std::string> repo_digests; // "repo@sha256:..." once pushed or pulled
  std::string created;                   // RFC 3339
  std::int64_t size = 0;                 // bytes
  std::map<std::string, std::string> labels;
  std::string user;
  std::string working_dir;
  std::vector<std::string> env;
  std::string architecture;
  std::string os;
};

struct ImageSummary {
  std::string id;
  std::vector<std::string> repo_tags;
  std::vector<std::string> repo_digests;
  std::int64_t created = 0; // seconds since the epoch
  std::int64_t size = 0;    // bytes
  std::map<std::string, std::string> labels;
};

struct ImageFilter {
  std::vector<std::string> labels;     // "key" or "key=value", all must match
  std::vector<std::string> references; // "repo" or "repo:tag" patterns
};

// Sent to the daemon as X-Registry-Auth (base64url JSON); never logged.
struct RegistryAuth {
  std::string username;
  std::string password;
  std::string identity_token;
  std::string server_address; // "host[:port]", no scheme
};

struct PushResult {
  std::string digest; // manifest digest "sha256:..."
  std::int64_t size = 0;
};

// Workstation containers (plinth up): HostConfig fields. Unset optionals and empty lists are
// not sent, so the engine's defaults apply.
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

struct ContainerSpec {
  std::string image;
  std::vector<std::string> cmd;
  std::vector<std::string> entrypoint; // empty: the image's; {""} clears it
  std::string user;                    // "uid:gid"; empty: the image's
  std::vector<std::string> env;        // "K=V"
  std::map<std::string, std::string> labels;
  std::string network_mode; // "none" for read-back runs
  std::string name;         // optional container name
  // Workstation settings (plinth up); every empty/unset field leaves the engine's default.
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

// Workstation containers: inspection, listing, exec, followed logs.
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
  nlohmann::json raw;             // the whole document (HostConfig, ...)
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

// Output of a container process, one chunk at a time: stream 1 = stdout, 2 = stderr.
using OutputSink = std::function<void(int stream, std::string_view chunk)>;

struct ExecSpec { // POST /containers/{id}/exec
  std::vector<std::string> cmd;
  std::string user; // "uid:gid"; empty: the container's
  std::vector<std::string> env;
  std::string working_dir;
  OutputSink sink;    // live output; empty: collected in ExecResult
  long timeout_s = 0; // 0: no limit
};

struct ExecResult {
  std::int64_t exit_code = 0;
  std::string out; // empty when a sink was given
  std::string err;
};

struct LogOptions {
  bool follow = false;
  std::string tail = "all"; // "all" or a line count
  bool stdout_stream = true;
  bool stderr_stream = true;
};

} // namespace plinth::engine
