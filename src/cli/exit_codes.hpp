// SPDX-License-Identifier: Apache-2.0
// Process exit codes shared by every subcommand (documented in docs/cli.md), and the one
// mapping from an Error's kind to them.
#pragma once

#include "util/error.hpp"

namespace plinth::cli {

inline constexpr int k_exit_ok = 0;
inline constexpr int k_exit_findings = 1;    // validation errors / lint findings
inline constexpr int k_exit_usage = 2;       // bad flags, unreadable input (I/O errors)
inline constexpr int k_exit_unavailable = 3; // engine, registry or driver unavailable
inline constexpr int k_exit_conflict = 4;    // e.g. a released tag points elsewhere
inline constexpr int k_exit_internal = 70;
inline constexpr int k_exit_interrupted = 130;

// Exit code for an Error of a use case. Findings (1) are Diagnostics, never an Error.
int exit_code_for(const Error& error);

} // namespace plinth::cli
