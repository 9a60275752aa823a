// SPDX-License-Identifier: Apache-2.0
// The I/O side of `plinth lint`: finding Dockerfiles, reading them and the lint config.
// src/lint stays pure; everything touching the filesystem lives here.
#pragma once

#include "lint/config.hpp"
#include "lint/finding.hpp"
#include "util/diagnostic.hpp"
#include "util/result.hpp"

#include <filesystem>
#include <istream>
#include <optional>
#include <string>
#include <vector>

namespace plinth::app {

// `Dockerfile`, `*.Dockerfile`, `Dockerfile.*` (case-sensitive, as Docker tooling does).
bool is_dockerfile_name(const std::string& filename);

// Expands directories (recursively, skipping hidden ones) into Dockerfiles; files, FIFOs,
// devices and "-" (stdin) are kept as given. Fails for a path that does not exist.
Result<std::vector<std::string>> find_dockerfiles(const std::vector<std::string>& paths);

// Reads a lint config from YAML: a standalone `.plinth-lint.yaml`, or a stack file whose
// `lint:` section holds it. Without `path`, uses ./.plinth-lint.yaml when present.
Result<lint::Config> load_lint_config(const std::optional<std::filesystem::path>& path,
                                      Diagnostics& diags);

// Lints each file ("-" reads `in`), each read bounded by max_input_size(). Fails on the
// first unreadable or too large file.
Result<std::vector<lint::FileReport>> lint_files(const std::vector<std::string>& files,
                                                 const lint::Config& config, std::istream& in);

} // namespace plinth::app
