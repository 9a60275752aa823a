// SPDX-License-Identifier: Apache-2.0
// `plinth push`: push built, verified images (as recorded in plinth.lock) to the stack's
// registry through the engine, refusing to move a released tag to another image, and
// record each manifest digest in plinth.lock.
#pragma once

#include "app/events.hpp"
#include "app/load_stack.hpp"
#include "engine_api/ports.hpp"
#include "http/transport.hpp"
#include "registry/credentials.hpp"
#include "util/result.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace plinth::app {

struct PushOptions {
  std::vector<std::string> images;                  // empty: every image in the lock
  std::optional<registry::Credentials> credentials; // from --username/--password-stdin
  bool allow_overwrite = false;
  std::filesystem::path lock_path;     // empty: <stack dir>/plinth.lock
  std::filesystem::path docker_config; // empty: $DOCKER_CONFIG or ~/.docker
};

struct PushedImage {
  std::string name;
  std::string reference;
  std::string digest;         // manifest digest, read back from the registry
  bool already_there = false; // the registry already had this image under the tag
};

Result<std::vector<PushedImage>> push_stack(const LoadedStack& stack, const PushOptions& options,
                                            engine::Images& engine,
                                            http::Transport& registry_transport, Events& events);

// Credentials for `host` from the Docker client configuration (helpers run as programs).
Result<std::optional<registry::Credentials>>
docker_config_credentials(const std::filesystem::path& config_dir, const std::string& host);

} // namespace plinth::app
