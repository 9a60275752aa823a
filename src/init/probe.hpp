// SPDX-License-Identifier: Apache-2.0
// Readiness probes. Each attempt runs in a short-lived child process so the supervisor's
// event loop never blocks on a slow connect or a hung command: the child's exit status is
// the verdict (0 = ready) and the supervisor kills its group when the attempt times out.
#pragma once

#include "init/config.hpp"
#include "init/spawn.hpp"

#include <string_view>
#include <sys/types.h>

namespace plinth::init {

// Status code from an HTTP status line ("HTTP/1.1 200 OK" -> 200); 0 when malformed.
int parse_http_status(std::string_view response);

// True for the codes that count as ready: 2xx and 3xx.
inline bool http_status_ready(int code) {
  return code >= 200 && code < 400;
}

// Starts one probe attempt; returns the child's pid (its own process group) or -1.
// cmd probes run as the service (spec supplies identity, env and workdir).
pid_t start_probe(const ReadyProbe& probe, const SpawnSpec& service_spec, Millis timeout,
                  std::string& why);

// One HTTP GET or TCP connect attempt, in the calling process. Exposed for tests.
bool run_network_probe(const ReadyProbe& probe, Millis timeout);

} // namespace plinth::init
