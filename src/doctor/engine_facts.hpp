// SPDX-License-Identifier: Apache-2.0
// The doctor's engine section from the engine client's own parsed answers (engine_api):
// one parser per Docker document, here only the choice of what the doctor keeps. Pure.
#pragma once

#include "doctor/facts.hpp"
#include "engine_api/system.hpp"

namespace plinth::doctor {

// Api-Version (when /version gave none) and Builder-Version from /_ping.
void apply_ping(const engine::Ping& ping, EngineFacts& facts);
// Version, ApiVersion, MinAPIVersion, Os, Arch, KernelVersion from /version.
void apply_version(const engine::VersionInfo& version, EngineFacts& facts);
// /info: storage and cgroup drivers, runtimes, CDI, security options, warnings, CPUs, memory.
void apply_info(const engine::Info& info, EngineFacts& facts);

} // namespace plinth::doctor
