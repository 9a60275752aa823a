// SPDX-License-Identifier: Apache-2.0
// Where Plinth keeps machine-local state (the bootstrapped bases): $PLINTH_STATE_DIR, else
// $XDG_STATE_HOME/plinth, else ~/.local/state/plinth.
#pragma once

#include <filesystem>

namespace plinth::app {

std::filesystem::path state_dir();

} // namespace plinth::app
