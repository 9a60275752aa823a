// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace plinth {

// Docker-style sizes: "512m", "8g", "2G", "1024k", "1048576", "1.5g" -> bytes (binary units).
std::optional<std::int64_t> parse_size(std::string_view text);

} // namespace plinth
