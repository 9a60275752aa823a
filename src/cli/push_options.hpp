// SPDX-License-Identifier: Apache-2.0
// Options shared by `plinth push` and `plinth build --push`, and the push step itself.
#pragma once

#include "app/events.hpp"
#include "app/load_stack.hpp"
#include "engine_api/ports.hpp"

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace plinth::cli {

struct PushCliOptions {
  std::vector<std::string> images; // empty: all (only for `plinth push`)
  std::string username;
  bool password_stdin = false;
  bool allow_overwrite = false;
  std::string lock_file;

  void add_to(CLI::App& cmd);
};

int run_push_after_build(const app::LoadedStack& stack, const PushCliOptions& opts,
                         engine::Images& engine, app::Events& events, bool json);

} // namespace plinth::cli
