// SPDX-License-Identifier: Apache-2.0
#include "app/state_dir.hpp"

#include <cstdlib>

namespace plinth::app {

std::filesystem::path state_dir() {
  if (const char* d = std::getenv("PLINTH_STATE_DIR"); d != nullptr && *d != '\0') {
    return d;
  }
  if (const char* x = std::getenv("XDG_STATE_HOME"); x != nullptr && *x != '\0') {
    return std::filesystem::path(x) / "plinth";
  }
  const char* home = std::getenv("HOME");
  return std::filesystem::path(home != nullptr ? home : "/tmp") / ".local/state/plinth";
}

} // namespace plinth::app
