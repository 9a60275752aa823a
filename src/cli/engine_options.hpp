// SPDX-License-Identifier: Apache-2.0
// Connecting to the engine from a subcommand: the error message and exit code when it
// is not there.
#pragma once

#include "cli/exit_codes.hpp"
#include "cli/stack_options.hpp"
#include "engine/docker_engine.hpp"
#include "util/error.hpp"

#include <memory>
#include <optional>

namespace plinth::cli {

// nullptr after printing why (engine not running, permission denied, API too old).
std::unique_ptr<engine::DockerEngine> connect_engine(bool verbose_http = false);

// Prints "plinth: error: …" to stderr and returns exit_code_for(error).
int report_error(const Error& error);

// A stack loaded without errors, and the engine connected: what most engine commands start
// with. nullopt after printing why, with `exit_code` set.
struct StackOnEngine {
  app::LoadedStack loaded;
  std::unique_ptr<engine::DockerEngine> engine;
};
std::optional<StackOnEngine> load_with_engine(const StackOptions& opts, int& exit_code);

} // namespace plinth::cli
