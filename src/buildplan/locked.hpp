// SPDX-License-Identifier: Apache-2.0
// `plinth build --locked` (pure): the stack must still render to what plinth.lock
// recorded, and the images built from it must contain exactly the recorded versions.
#pragma once

#include "lock/lock_file.hpp"
#include "model/resolved.hpp"
#include "render/render.hpp"
#include "util/result.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace plinth::buildplan {

// Fails when a selected image is missing from the lock or its input digest changed.
Result<void> check_inputs_against_lock(const lock::LockFile& lock,
                                       const std::vector<render::RenderedImage>& rendered,
                                       const model::ResolvedStack& stack,
                                       const std::vector<std::size_t>& selected);

// Every difference between a locked image and a built one, one sentence each.
std::vector<std::string> lock_differences(const lock::LockedImage& want,
                                          const lock::LockedImage& got);

// Fails when any built image (as it goes into the lock) differs from the lock.
Result<void> check_results_against_lock(const lock::LockFile& lock,
                                        const std::vector<lock::LockedImage>& built);

} // namespace plinth::buildplan
