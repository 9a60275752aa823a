// SPDX-License-Identifier: Apache-2.0
// plinth.yaml text -> model::Stack, reporting every structural problem (syntax, types,
// unknown keys, malformed package strings) with file:line:column. Pure: no file reading.
// Semantic checks across images (parents, tiers, compat) are in analyze.hpp.
#pragma once

#include "lint/config.hpp"
#include "model/stack.hpp"
#include "util/diagnostic.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace plinth::spec {

struct ParseResult {
  std::optional<model::Stack> stack; // nullopt only when the YAML could not be read at all
  Diagnostics diags;
  std::optional<lint::Config> lint; // the `lint:` section, when the file has one
};

ParseResult parse_stack(std::string_view text, const std::string& file);

} // namespace plinth::spec
