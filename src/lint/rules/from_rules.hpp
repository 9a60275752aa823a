// SPDX-License-Identifier: Apache-2.0
// Helpers for the FROM image rules (PL2001, PL2002, PL2004, PL6001).
#pragma once

#include "dockerfile/image_ref.hpp"
#include "lint/rules/common.hpp"

#include <optional>

namespace plinth::lint::rules {

// The image reference of a FROM that names an external image (not a stage, not scratch,
// variables resolved), or nullopt.
std::optional<dockerfile::ImageRef> from_image(const Context& ctx, const Instruction& inst);

} // namespace plinth::lint::rules
