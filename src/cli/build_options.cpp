// SPDX-License-Identifier: Apache-2.0
#include "cli/build_options.hpp"

namespace plinth::cli {

std::unique_ptr<app::Builder> make_builder(const std::string& choice, engine::Images& engine) {
  if (choice == "buildkit" || (choice == "auto" && app::buildx_available())) {
    return app::make_buildx_builder();
  }
  return app::make_classic_builder(engine);
}

} // namespace plinth::cli
