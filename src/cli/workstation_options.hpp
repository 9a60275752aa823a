// SPDX-License-Identifier: Apache-2.0
// What `plinth up / down / status / logs / exec` share: the stack file, which image's
// workstation, and how its URLs are printed.
#pragma once

#include "app/workstation.hpp"
#include "cli/stack_options.hpp"
#include "engine/docker_engine.hpp"

#include <CLI/CLI.hpp>

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

namespace plinth::cli {

struct WorkstationOptions {
  StackOptions stack;
  std::string image;
  std::string name_suffix; // hidden: tests run several workstations of one stack

  // -f/--file, --compat-db, --json (as every command that reads a stack file).
  void add_to(CLI::App& cmd, bool with_image_positional);
};

struct LoadedTarget {
  app::LoadedStack loaded;
  app::WorkstationTarget target;
};

// Loads the stack and picks the workstation; prints why not (and sets exit_code).
std::optional<LoadedTarget> load_target(const WorkstationOptions& opts, int& exit_code);

// load_target, then the engine connected.
struct TargetOnEngine {
  LoadedTarget loaded;
  std::unique_ptr<engine::DockerEngine> engine;
  const app::WorkstationTarget& target() const { return loaded.target; }
};
std::optional<TargetOnEngine> load_target_with_engine(const WorkstationOptions& opts,
                                                      int& exit_code);

// "  jupyter       http://127.0.0.1:8888/lab?token=…"
void print_urls(std::ostream& out, const std::vector<app::ServiceUrl>& urls, bool with_secret);

} // namespace plinth::cli
