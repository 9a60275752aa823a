// SPDX-License-Identifier: Apache-2.0
// `plinth render -o DIR`: every image's files below DIR, all or none. Image names come from
// the stack file, so each target is checked to stay below DIR whatever validation allowed.
#pragma once

#include "render/render.hpp"
#include "util/result.hpp"

#include <filesystem>
#include <string_view>
#include <vector>

namespace plinth::app {

// --- Interface ---

// `out/name`, or an error when `name` is not one plain path component (empty, ".", "..",
// containing '/', a control character) or the result would not lie below `out`.
Result<std::filesystem::path> image_dir(const std::filesystem::path& out, std::string_view name);

// Writes Dockerfile, .dockerignore and plinth-init.conf (when not empty) of every image into
// `out/<image>/`. Every file is first written into a staging folder inside `out`; only when
// all are written are they renamed into place, so a failure leaves the old files untouched.
// Returns the Dockerfile paths, in image order.
Result<std::vector<std::filesystem::path>>
write_rendered(const std::filesystem::path& out, const std::vector<render::RenderedImage>& images);

} // namespace plinth::app
