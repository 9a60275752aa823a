// SPDX-License-Identifier: Apache-2.0
// Reads a stack file and everything it references, validates it and resolves it: the
// shared first step of check, tags, render and (later) build.
#pragma once

#include "compat/db.hpp"
#include "model/resolved.hpp"
#include "util/diagnostic.hpp"
#include "util/error.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace plinth::app {

struct LoadedStack {
  std::filesystem::path path;                      // the stack file
  std::filesystem::path dir;                       // its directory (the build context)
  std::map<std::string, std::string> sources;      // file -> text, for diagnostics with carets
  std::unique_ptr<model::Stack> stack;             // stable address: `resolved` points into it
  std::optional<model::ResolvedStack> resolved;    // set when there are no errors
  std::map<std::string, std::string> file_digests; // copied path -> sha256:<hex>
  Diagnostics diags;
  std::optional<Error> read_error; // the stack file itself could not be read (also in diags)

  bool ok() const { return resolved.has_value() && !diags.has_errors(); }
};

LoadedStack load_stack(const std::filesystem::path& path, const compat::Db& db);

// sha256 over a file's bytes, or over a directory's sorted paths, modes and contents.
std::optional<std::string> digest_path(const std::filesystem::path& path);

} // namespace plinth::app
