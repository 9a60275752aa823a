// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace plinth::cli {

// The whole CLI: parses argv, runs one subcommand, returns the exit code.
int run(int argc, char** argv);

} // namespace plinth::cli
