// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/resolved.hpp"
#include "render/dockerfile_writer.hpp"
#include "render/render.hpp"

#include <string>

namespace plinth::render {

// The Dockerfile of one image without its LABEL instruction (render.cpp adds labels and
// the input digest computed over this text). Throws Unrenderable (escape.hpp).
DockerfileWriter render_body(const model::ResolvedImage& image, Flavour flavour,
                             const std::string& from_ref, const std::string& stack_file,
                             bool with_init_config);

} // namespace plinth::render
