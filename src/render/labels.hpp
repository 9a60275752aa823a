// SPDX-License-Identifier: Apache-2.0
// The labels every rendered image carries: OCI annotations (org.opencontainers.image.*)
// and Plinth's own (io.plinth.*), sorted by key.
#pragma once

#include "model/resolved.hpp"

#include <map>
#include <string>

namespace plinth::render {

inline constexpr const char* k_label_input_digest = "io.plinth.inputs.digest";

// All labels except the input digest (which is computed over the rest of the output).
std::map<std::string, std::string> image_labels(const model::ResolvedImage& image,
                                                const std::string& parent_ref,
                                                const std::string& stack_name);

} // namespace plinth::render
