// SPDX-License-Identifier: Apache-2.0
#include "cli/build_options.hpp"

namespace plinth::cli {

std::unique_ptr<builder::Builder> make_builder(const std::string& choice, engine::Images& engine) {
  if (choice == "buildkit" || (choice == "auto" && builder::buildx_available())) {
    return builder::make_buildx_builder();
  }
  return builder::make_classic_builder(engine);
}

} // namespace plinth::cli
