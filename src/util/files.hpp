// SPDX-License-Identifier: Apache-2.0
// Whole-file reads and atomic writes (temp file in the same directory, fsync, rename), so
// a reader never sees a half-written file and a failed write leaves the old one intact.
#pragma once

#include "util/result.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace plinth {

Result<std::string> read_file(const std::filesystem::path& path);
Result<void> write_file_atomic(const std::filesystem::path& path, std::string_view content);

} // namespace plinth
