// SPDX-License-Identifier: Apache-2.0
// Reaping: collects every exited child (services, probes and orphans re-parented to us as
// PID 1 or as child subreaper), and finds all live descendants by walking /proc.
#pragma once

#include <string>
#include <sys/types.h>
#include <vector>

namespace plinth::init {

struct Reaped {
  pid_t pid = 0;
  int status = 0; // raw wait status
};

// Reaps all exited children without blocking. Sets no_children when none are left at all.
std::vector<Reaped> reap_children(bool& no_children);

// Every live process whose parent chain leads to `root` (found via /proc/PID/stat).
std::vector<pid_t> list_descendants(pid_t root);

// "exited with code 3" / "killed by SIGKILL".
std::string describe_status(int status);

// Shell-style code of a wait status: the exit code, or 128 + signal.
int status_to_code(int status);

// Registers as child subreaper when not PID 1; false (errno set) when that fails.
bool become_subreaper();

} // namespace plinth::init
