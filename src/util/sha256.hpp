// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

namespace plinth {

// Lower-case hex SHA-256 of `data`.
std::string sha256_hex(std::string_view data);

} // namespace plinth
