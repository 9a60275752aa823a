// SPDX-License-Identifier: Apache-2.0
// Whole-file reads and atomic writes (temp file in the same directory, fsync, rename), so
// a reader never sees a half-written file and a failed write leaves the old one intact.
// Inputs a user names (stack files, Dockerfiles) are read bounded: `plinth check -f
// /dev/zero` must fail fast, not read until memory runs out.
#pragma once

#include "util/result.hpp"

#include <cstdint>
#include <filesystem>
#include <istream>
#include <string>
#include <string_view>

namespace plinth {

// --- Interface ---

// The whole file, however large: for files plinth itself writes or controls.
Result<std::string> read_file(const std::filesystem::path& path);
// The temporary file is created private (0600) and gets `mode` before it is renamed over
// `path`, so a secret is never readable by others, not even briefly.
Result<void> write_file_atomic(const std::filesystem::path& path, std::string_view content,
                               unsigned mode = 0644);

// What a bounded input is; picks its default limit and names it in messages.
enum class InputKind { stack_file, dockerfile };

inline constexpr std::uint64_t k_default_max_stack_file = 4 * 1024 * 1024; // bytes
inline constexpr std::uint64_t k_default_max_dockerfile = 64 * 1024 * 1024;

// `--max-input-size`: one limit (bytes) for every input of this process; 0 restores the
// defaults. Set while parsing the command line, read afterwards.
void set_max_input_size(std::uint64_t bytes);
std::uint64_t max_input_size(InputKind kind);

// Reads a file, FIFO or character device (/dev/stdin) in chunks and fails as soon as it
// passes max_input_size(kind), naming the file, the limit and --max-input-size.
// Directories and block devices are refused. An empty input is not an error here.
Result<std::string> read_input(const std::filesystem::path& path, InputKind kind);
// The same for an open stream, e.g. standard input; `name` is used in messages.
Result<std::string> read_input(std::istream& in, std::string_view name, InputKind kind);

} // namespace plinth
