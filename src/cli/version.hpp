// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

namespace plinth::cli {

// "plinth 0.1.0": the project version from CMake (`plinth version`, `plinth --version`).
std::string version_line();

} // namespace plinth::cli
