// SPDX-License-Identifier: Apache-2.0
// Locates the static plinth-init supervisor that base images get (render's .plinth/).
#pragma once

#include "util/result.hpp"

#include <filesystem>

namespace plinth::app {

// $PLINTH_INIT_BINARY, else plinth-init next to the running plinth (or in ../init,
// ../lib/plinth), else on PATH.
Result<std::filesystem::path> find_init_binary();

} // namespace plinth::app
