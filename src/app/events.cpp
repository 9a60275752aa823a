// SPDX-License-Identifier: Apache-2.0
#include "app/events.hpp"

namespace plinth::app {

std::string_view image_state_name(ImageState s) {
  switch (s) {
  case ImageState::queued: return "queued";
  case ImageState::cached: return "up to date";
  case ImageState::building: return "building";
  case ImageState::verifying: return "verifying";
  case ImageState::tagging: return "tagging";
  case ImageState::built: return "built";
  case ImageState::failed: return "failed";
  case ImageState::pushing: return "pushing";
  case ImageState::pushed: return "pushed";
  case ImageState::skipped: return "skipped";
  }
  return "?";
}

} // namespace plinth::app
