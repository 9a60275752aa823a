// SPDX-License-Identifier: Apache-2.0
// Starting a service process with clean state: its own session and process group, default
// signal dispositions and an empty mask, stdin from /dev/null, no inherited fds, the
// configured working directory, identity and environment.
#pragma once

#include "init/users.hpp"

#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace plinth::init {

// Exit codes of a child that could not become the service (documented in docs/init.md).
inline constexpr int k_exit_not_found = 127;
inline constexpr int k_exit_cannot_exec = 126;

struct SpawnSpec {
  std::string label; // service name, for error messages
  std::vector<std::string> argv;
  std::vector<std::string> env; // complete environment
  std::string workdir;
  std::optional<Identity> identity;
  int stdout_fd = -1; // -1 = /dev/null
  int stderr_fd = -1;
};

// Forks and execs; returns the pid (also its pgid and sid) or -1 with why set.
pid_t spawn_process(const SpawnSpec& spec, std::string& why);

// The supervisor's environment with overrides (KEY=VALUE, later wins) applied, plus HOME,
// USER and LOGNAME from identity unless overridden.
std::vector<std::string> build_environment(const std::vector<std::string>& overrides,
                                           const std::optional<Identity>& identity);

// Closes every fd >= 3 (in a child before exec or before running a probe).
void close_inherited_fds();

} // namespace plinth::init
