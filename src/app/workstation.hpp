// SPDX-License-Identifier: Apache-2.0
// The workstation use cases (`plinth up / down / status / logs / exec`, docs/workstation.md):
// gather host facts (uid/gid, free ports, workspace), generate and store secrets, build the
// plan with workstation::make_plan and drive the engine. Library code: never prints; output
// and progress go through the sinks and app::Events.
#pragma once

#include "app/events.hpp"
#include "app/load_stack.hpp"
#include "compat/db.hpp"
#include "engine_api/ports.hpp"
#include "util/result.hpp"
#include "workstation/init_status.hpp"
#include "workstation/plan.hpp"
#include "workstation/profile.hpp"
#include "workstation/user.hpp"

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace plinth::app {

// Which workstation: an image of a loaded stack (empty name: the only leaf image with tools).
struct WorkstationTarget {
  std::string stack_name; // stack `name`, else the stack file's folder
  const model::ResolvedImage* image = nullptr;
  std::string container; // plinth-<stack>-<image>[-<suffix>]
};
Result<WorkstationTarget> workstation_target(const LoadedStack& loaded, std::string_view image,
                                             std::string_view name_suffix = {});
// The stack's `name`, else the stack file's folder: what workstation labels carry.
std::string workstation_stack_name(const LoadedStack& loaded);

struct UpOptions {
  std::string image;
  std::string profile;
  workstation::ProfileOverrides overrides; // applied by workstation::effective_profile
  std::map<std::string, int> ports;        // --port tool=hostport
  std::string listen = "127.0.0.1";
  bool publish_tensorboard = false;
  std::string workspace; // empty: the current directory
  bool no_workspace = false;
  workstation::UserRequest user;
  // Who invokes plinth; unset: the process's real ids (SUDO_UID/SUDO_GID under sudo).
  std::optional<workstation::HostIdentity> host;
  bool recreate = false;
  bool no_wait = false; // --detach: do not wait for readiness
  int wait_timeout_s = 300;
  bool ignore_driver_check = false;
  std::string name_suffix;
  std::map<std::string, std::string> labels; // extra labels (tests: io.plinth.test=1)
};

struct ServiceUrl {
  std::string tool;
  std::string url;          // with the Jupyter token
  std::string url_redacted; // without it
  bool published = false;   // false: reached through Jupyter, or not at all
};

struct UpReport {
  std::string container;
  std::string id;
  std::string image;
  std::string profile;
  bool created = false; // false: it was already there
  bool was_running = false;
  std::vector<ServiceUrl> urls;
  workstation::Secrets secrets;
  std::filesystem::path secrets_file;
  std::optional<workstation::InitStatus> status; // the last status read (ready unless no_wait)
  std::string guard_message;                     // the GPU guard's explanation when overridden
};

// The engine's runtimes feed the GPU guard, its image store says whether the image is built.
Result<UpReport> workstation_up(const LoadedStack& loaded, const UpOptions& options,
                                engine::System& system, engine::Images& images,
                                engine::Containers& containers, const compat::Db& db,
                                Events& events);

struct DownReport {
  std::vector<std::string> removed; // container names
};
// Stops (plinth-init's grace, bounded by the container's stop timeout) and removes the
// workstation; with `all`, every workstation of the stack. Nothing there: an empty report.
Result<DownReport> workstation_down(const WorkstationTarget& target, bool all,
                                    engine::Containers& engine);

struct StatusReport {
  std::string container;
  bool exists = false;
  std::string state; // created, running, exited, ...
  std::string image;
  std::string profile;
  std::string started_at;
  std::vector<ServiceUrl> urls;
  std::optional<workstation::InitStatus> init; // when running and plinth-init answered
  std::string init_error;                      // why init is missing
};
Result<StatusReport> workstation_status(const WorkstationTarget& target,
                                        engine::Containers& engine);

// `plinth ls`: the workstations of the stack (running ones; with `all`, stopped ones too).
struct ListEntry {
  std::string container;
  std::string image; // the stack image's name ("project")
  std::string reference;
  std::string profile;
  std::string state;  // running, exited, ...
  std::string status; // "Up 3 minutes"
  std::vector<ServiceUrl> urls;
};
Result<std::vector<ListEntry>> workstation_list(const LoadedStack& loaded, bool all,
                                                engine::Containers& engine);

// The URLs of a running workstation container, from the ports it publishes.
std::vector<ServiceUrl> urls_of(const WorkstationTarget& target, const engine::ContainerInfo& c);

// Container output, optionally one service's lines only ("[name] " prefix removed).
struct LogsOptions {
  std::string service;
  bool follow = false;
  std::string tail = "all";
};
Result<void> workstation_logs(const WorkstationTarget& target, const LogsOptions& options,
                              engine::Containers& engine, const engine::OutputSink& sink);

// Runs a command as the workstation user in its working directory; returns its exit code.
Result<std::int64_t> workstation_exec(const WorkstationTarget& target,
                                      const std::vector<std::string>& cmd,
                                      engine::Containers& engine, const engine::OutputSink& sink);

// Host side (workstation_host.cpp): secrets and state files.
std::filesystem::path workstation_state_dir();
std::filesystem::path secrets_path(std::string_view container);
Result<workstation::Secrets> generate_secrets();
Result<void> write_private_file(const std::filesystem::path& path, std::string_view content,
                                unsigned mode);
std::optional<workstation::Secrets> read_secrets(std::string_view container);
// A free TCP port on `ip`: `wanted` when free, else (when !exact) the next free one above.
Result<int> choose_host_port(const std::string& ip, int wanted, bool exact);
// The URLs of a running workstation from the ports the engine reports.
std::vector<ServiceUrl> urls_for(const std::vector<workstation::Endpoint>& endpoints,
                                 std::string_view listen, const workstation::Secrets& secrets);

} // namespace plinth::app
