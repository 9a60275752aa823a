// SPDX-License-Identifier: Apache-2.0
// The Docker Engine's /_ping headers, /version and /info replies -> EngineFacts. Pure: the
// app layer fetches the replies (through the engine client) and hands the text here.
#pragma once

#include "doctor/facts.hpp"
#include "util/result.hpp"

#include <map>
#include <string>
#include <string_view>

namespace plinth::doctor {

// Fills the /info fields (ServerVersion, Driver, CgroupDriver, CgroupVersion, DockerRootDir,
// Runtimes, DefaultRuntime, CDISpecDirs, SecurityOptions, Warnings, NCPU, MemTotal, ...).
// Unknown fields are ignored (the API's schema is open); invalid JSON is an error.
Result<void> parse_engine_info(std::string_view json, EngineFacts& facts);

// Fills Version, ApiVersion, MinAPIVersion, Os, Arch, KernelVersion from /version.
Result<void> parse_engine_version(std::string_view json, EngineFacts& facts);

// Api-Version and Builder-Version from /_ping's headers (names case-insensitive).
void apply_ping_headers(const std::map<std::string, std::string>& headers, EngineFacts& facts);

// "Api-Version: 1.41\nBuilder-Version: 2\n" (a captured header block) -> name -> value.
std::map<std::string, std::string> parse_header_block(std::string_view text);

} // namespace plinth::doctor
