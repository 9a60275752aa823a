// SPDX-License-Identifier: Apache-2.0
// Options every stack-reading subcommand shares (-f/--file, --compat-db, --json,
// --max-input-size) and the one way they load a stack and report its diagnostics.
#pragma once

#include "app/load_stack.hpp"
#include "compat/db.hpp"

#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace plinth::cli {

struct StackOptions {
  std::string file = "plinth.yaml";
  std::string compat_db; // empty: the built-in database
  bool json = false;

  void add_to(CLI::App& cmd, bool with_json = true);
  // The compatibility database to use, or nullptr after printing why it cannot be read.
  const compat::Db* database() const;
};

// Prints every diagnostic with its source line and caret to stderr.
// How many diagnostics the text output prints before "N more".
inline constexpr std::size_t k_max_printed_diagnostics = 100;

void print_diagnostics(const app::LoadedStack& loaded);
nlohmann::json diagnostics_json(const Diagnostics& diags);

// Loads the stack; prints diagnostics (unless json). nullopt after printing why when the
// database is unusable or the stack file cannot be read (callers exit 2).
std::optional<app::LoadedStack> load(const StackOptions& opts);

} // namespace plinth::cli
