// SPDX-License-Identifier: Apache-2.0
// Picking the builder (`--builder auto|classic|buildkit`) for build and images.
#pragma once

#include "builder/builder.hpp"

#include <memory>
#include <string>

namespace plinth::cli {

// auto: BuildKit through `docker buildx` when available, else the classic builder.
std::unique_ptr<builder::Builder> make_builder(const std::string& choice, engine::Images& engine);

} // namespace plinth::cli
