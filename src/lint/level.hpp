// SPDX-License-Identifier: Apache-2.0
// Finding severities, ordered: style < info < warning < error.
#pragma once

#include <optional>
#include <string_view>

namespace plinth::lint {

enum class Level { style = 0, info = 1, warning = 2, error = 3 };

std::string_view level_name(Level l);
// "error" | "warning" | "info" | "style" (case-insensitive).
std::optional<Level> parse_level(std::string_view s);

} // namespace plinth::lint
