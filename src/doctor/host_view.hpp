// SPDX-License-Identifier: Apache-2.0
// The probe's only window on a host. RootedHost (rooted_host.hpp) reads a real file
// system under a prefix; tests may substitute anything else.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plinth::doctor {

// A command the probe may run. `id` names its captured output in fixtures
// (<root>/.plinth-capture/commands/<id>.txt); `argv[0]` is looked up on PATH.
struct Command {
  std::string id;
  std::vector<std::string> argv;
};

struct CommandOutput {
  int exit_code = 0;
  std::string output; // stdout and stderr together
};

struct DiskSpace {
  std::uint64_t total_bytes = 0;
  std::uint64_t available_bytes = 0;
};

class HostView {
public:
  virtual ~HostView() = default;
  // Paths are absolute as on the host ("/proc/driver/nvidia/version").
  virtual std::optional<std::string> read(std::string_view path) const = 0;
  virtual bool exists(std::string_view path) const = 0;
  // Entry names of a directory, sorted; empty when it is missing.
  virtual std::vector<std::string> list(std::string_view dir) const = 0;
  // Absolute host path of an executable named `name` on PATH, or nullopt.
  virtual std::optional<std::string> which(std::string_view name) const = 0;
  // nullopt when the program is missing or could not be started.
  virtual std::optional<CommandOutput> run(const Command& command) const = 0;
  virtual std::optional<DiskSpace> disk_space(std::string_view path) const = 0;
  // The prefix the view reads under ("/" for the real host).
  virtual std::string root() const = 0;
};

} // namespace plinth::doctor
