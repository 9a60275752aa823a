// SPDX-License-Identifier: Apache-2.0
// The pure steps of `plinth base bootstrap` (app/bootstrap.cpp runs them): the debootstrap
// and tar command lines, and what the engine's image import adds to the root filesystem.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace plinth::bootstrap {

// debootstrap a minimal `suite` into `rootfs` from `mirror`.
std::vector<std::string> debootstrap_argv(std::string_view suite, std::string_view rootfs,
                                          std::string_view mirror);

// Pack `rootfs` into the tar file `tar_path`, keeping numeric owners.
std::vector<std::string> pack_argv(std::string_view rootfs, std::string_view tar_path);

// The Dockerfile instructions the import applies: PATH, CMD and the bootstrap labels.
std::vector<std::string> import_changes(std::string_view distribution, std::string_view suite,
                                        std::string_view mirror);

// "repository:tag" split at the last colon (the tag is empty when there is none).
std::pair<std::string, std::string> split_reference(std::string_view reference);

} // namespace plinth::bootstrap
