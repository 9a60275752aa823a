// SPDX-License-Identifier: Apache-2.0
// The tar a build uploads: the Dockerfile plus only the paths the image copies (the
// rendered .dockerignore allow-list). Deterministic: entries sorted, mtimes fixed, owners
// 0:0, modes normalised to 0644/0755, so the same inputs give the same bytes.
#pragma once

#include "util/result.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace plinth::engine {

// A file generated for the build (not read from the context directory).
struct ContextFile {
  std::string path; // relative, e.g. ".plinth/plinth-init.conf"
  std::string content;
  bool executable = false;
};

// The "!path" lines of a rendered .dockerignore ("*" then one "!" per allowed path).
std::vector<std::string> dockerignore_allow_list(std::string_view dockerignore);

// Dockerfile (and .dockerignore) at the context root, then every allowed path (files or
// directories, recursively) from `context_dir`, then `extras`. An allowed path that only
// `extras` provide is not looked up on disk. Errc::not_found for a missing path.
Result<std::string> make_build_context(const std::filesystem::path& context_dir,
                                       std::string_view dockerfile, std::string_view dockerignore,
                                       const std::vector<ContextFile>& extras = {});

} // namespace plinth::engine
