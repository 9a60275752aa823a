// SPDX-License-Identifier: Apache-2.0
// The control socket protocol: the client sends one line ("status", "status --json",
// "restart NAME", "stop NAME", "start NAME"); the server answers "ok\n" or "error: MSG\n"
// followed by the body and closes the connection.
#pragma once

#include <string>

namespace plinth::init {

// Client side: sends request, prints the body to stdout (errors to stderr).
// Returns 0 on "ok", 1 on "error", 3 when the supervisor cannot be reached.
int run_control_client(const std::string& socket_path, const std::string& request);

} // namespace plinth::init
