// SPDX-License-Identifier: Apache-2.0
// `plinth build`: build the stack's images parents first (independent branches in
// parallel), skip images whose build digest already exists in the engine, verify what was
// built, tag only verified images, and write plinth.lock when every image succeeded.
// What to do with each image is decided by buildplan::decide (pure) from what it observed.
#pragma once

#include "app/events.hpp"
#include "app/load_stack.hpp"
#include "builder/builder.hpp"
#include "engine_api/ports.hpp"
#include "lock/lock_file.hpp"
#include "util/result.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace plinth::app {

using builder::Builder;
using builder::BuildJob;

struct BuildOptions {
  std::vector<std::string> images; // targets (with their ancestors); empty: all
  int jobs = 2;
  bool force = false;  // rebuild even when up to date
  bool locked = false; // the result must equal plinth.lock
  bool verify = true;
  std::string network_mode = "host"; // builds download with the host's network
  std::filesystem::path lock_path;   // empty: <stack dir>/plinth.lock
  std::filesystem::path init_binary; // empty: app::find_init_binary()
};

struct BuiltImage {
  lock::LockedImage locked; // what goes into plinth.lock
  bool cached = false;      // up to date: no build call
  bool built = false;       // the builder ran
};

struct BuildReport {
  std::vector<BuiltImage> images; // stack order, selected images only
  std::filesystem::path lock_path;
  bool lock_written = false;
};

Result<BuildReport> build_stack(const LoadedStack& stack, const BuildOptions& options,
                                engine::Images& images, engine::Containers& containers,
                                Builder& builder, Events& events);

} // namespace plinth::app
