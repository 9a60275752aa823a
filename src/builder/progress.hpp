// SPDX-License-Identifier: Apache-2.0
// What a builder reports while it runs (app::Events is one; the CLI draws it).
#pragma once

#include <string_view>

namespace plinth::builder {

class BuildProgress {
public:
  virtual ~BuildProgress() = default;
  // A build step started: "Step 3/12 : RUN pip install ...".
  virtual void image_step(std::string_view image, int step, int total, std::string_view text) = 0;
  // One line of output from the step that runs now.
  virtual void image_log(std::string_view image, std::string_view line) = 0;
};

} // namespace plinth::builder
