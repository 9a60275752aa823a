// SPDX-License-Identifier: Apache-2.0
// The labels every rendered image carries: OCI annotations (org.opencontainers.image.*)
// and Plinth's own (io.plinth.*), sorted by key.
#pragma once

#include "model/resolved.hpp"

#include <map>
#include <string>

namespace plinth::render {

// All labels except the input digest, model::labels::input_digest (render.cpp computes it
// over the rest of the output).
std::map<std::string, std::string> image_labels(const model::ResolvedImage& image,
                                                const std::string& parent_ref,
                                                const std::string& stack_name);

} // namespace plinth::render
