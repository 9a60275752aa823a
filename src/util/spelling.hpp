// SPDX-License-Identifier: Apache-2.0
// "Did you mean …?" suggestions from edit distance.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plinth {

// Damerau-Levenshtein (optimal string alignment) distance.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, if it is close enough to be a plausible typo.
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string_view>& candidates);

} // namespace plinth
