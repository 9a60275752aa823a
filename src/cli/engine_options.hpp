// SPDX-License-Identifier: Apache-2.0
// Connecting to the engine from a subcommand: the error message and exit code when it
// is not there.
#pragma once

#include "engine/engine.hpp"
#include "util/error.hpp"

#include <memory>

namespace plinth::cli {

// nullptr after printing why (engine not running, permission denied, API too old).
std::unique_ptr<engine::Engine> connect_engine(bool verbose_http = false);

// Exit code for an Error of a use case.
int exit_code_for(const Error& error);

} // namespace plinth::cli
