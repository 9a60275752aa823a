// SPDX-License-Identifier: Apache-2.0
// `plinth images`: the stack's images as the engine has them, and whether each is up to
// date with the stack file (its recorded input digest equals what the stack renders now).
#pragma once

#include "app/load_stack.hpp"
#include "engine_api/ports.hpp"
#include "util/result.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace plinth::app {

enum class ImageStatus { up_to_date, outdated, missing };
std::string_view image_status_name(ImageStatus s);

struct ImageRow {
  std::string name;
  std::string tier;
  std::string owner;
  std::string version;
  std::string reference;
  std::vector<std::string> tags; // every local tag of the image
  std::string image_id;
  std::int64_t size = 0;    // bytes
  std::int64_t created = 0; // seconds since the epoch
  ImageStatus status = ImageStatus::missing;
};

Result<std::vector<ImageRow>> list_stack_images(const LoadedStack& stack, engine::Images& engine);

} // namespace plinth::app
