// SPDX-License-Identifier: Apache-2.0
#include "cli/version.hpp"

namespace plinth::cli {

std::string version_line() {
  return std::string("plinth ") + PLINTH_VERSION; // set by src/cli/CMakeLists.txt
}

} // namespace plinth::cli
