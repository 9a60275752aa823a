// SPDX-License-Identifier: Apache-2.0
// Small string helpers shared by the doctor's parsers. Pure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace plinth::doctor::text {

std::string_view trim(std::string_view s);
std::vector<std::string_view> lines(std::string_view s);
// Split on `sep`, trimming each field.
std::vector<std::string_view> split(std::string_view s, char sep);
// Split on runs of whitespace.
std::vector<std::string_view> words(std::string_view s);
bool starts_with(std::string_view s, std::string_view prefix);
bool contains(std::string_view s, std::string_view needle);
// The value after "key" and a ':' on a "key : value" line, trimmed; "" when absent.
std::string_view value_after(std::string_view line, std::string_view key);
std::string lower(std::string_view s);
// The first run of digits and dots starting at or after `from` ("545.23.06").
std::string_view first_version_token(std::string_view s, std::size_t from = 0);
// 64 MiB, 1.5 GiB, ... (binary units, one decimal).
std::string human_bytes(unsigned long long bytes);

} // namespace plinth::doctor::text
