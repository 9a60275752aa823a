// SPDX-License-Identifier: Apache-2.0
// How use cases report progress: the CLI implements it (live TTY lines or timestamped
// plain lines), tests record it. Library code never prints.
#pragma once

#include "builder/progress.hpp"

#include <string_view>

namespace plinth::app {

enum class ImageState {
  queued,
  cached,
  building,
  verifying,
  tagging,
  built,
  failed,
  pushing,
  pushed,
  skipped
};
std::string_view image_state_name(ImageState s);

// image_step and image_log come from builder::BuildProgress (what a builder reports).
class Events : public builder::BuildProgress {
public:
  // A new state for one image (or "bootstrap"), with a short detail ("up to date", an ID).
  virtual void image_state(std::string_view image, ImageState state, std::string_view detail) = 0;
  // Anything else worth telling the user.
  virtual void message(std::string_view text) = 0;
};

// Discards everything (tests, --quiet).
class NullEvents final : public Events {
public:
  void image_state(std::string_view, ImageState, std::string_view) override {}
  void image_step(std::string_view, int, int, std::string_view) override {}
  void image_log(std::string_view, std::string_view) override {}
  void message(std::string_view) override {}
};

} // namespace plinth::app
