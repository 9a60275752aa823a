// SPDX-License-Identifier: Apache-2.0
// The stack file as text, before YAML reads it: it must be UTF-8 without control
// characters, and yaml-cpp's terse syntax errors become sentences a user understands.
#pragma once

#include "util/diagnostic.hpp"

#include <string>
#include <string_view>

namespace plinth::spec {

// Reports the first invalid UTF-8 sequence or control character (other than tab, LF and CR)
// with its line and column; false when there is one.
bool check_text(std::string_view text, const std::string& file, Diagnostics& diags);

// A sentence for one of yaml-cpp's error texts ("end of sequence flow not found" -> "a
// '[' list is not closed …"); unknown texts are returned as they are.
std::string explain_yaml_error(std::string_view message);

} // namespace plinth::spec
