// SPDX-License-Identifier: Apache-2.0
// `--max-input-size SIZE`, shared by every command that reads a stack file or Dockerfiles:
// raises (or lowers) the bound on how much of such an input plinth reads.
#pragma once

#include <CLI/CLI.hpp>

namespace plinth::cli {

// Adds the option to `cmd`; parsing it sets plinth::set_max_input_size for this process.
void add_max_input_size_option(CLI::App& cmd);

} // namespace plinth::cli
