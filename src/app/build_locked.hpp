// SPDX-License-Identifier: Apache-2.0
// `plinth build --locked`: the stack must still render to what plinth.lock recorded, and
// the images built from it must contain exactly the recorded versions.
#pragma once

#include "app/build.hpp"
#include "render/render.hpp"

#include <string>
#include <vector>

namespace plinth::app {

// Fails when a selected image is missing from the lock or its input digest changed.
Result<void> check_inputs_against_lock(const lock::LockFile& lock,
                                       const std::vector<render::RenderedImage>& rendered,
                                       const model::ResolvedStack& stack,
                                       const std::vector<std::size_t>& selected);

// Every difference between a locked image and a built one, one sentence each.
std::vector<std::string> lock_differences(const lock::LockedImage& want,
                                          const lock::LockedImage& got);

// Fails when any built image differs from the lock.
Result<void> check_results_against_lock(const lock::LockFile& lock, const BuildReport& report);

} // namespace plinth::app
