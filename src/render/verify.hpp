// SPDX-License-Identifier: Apache-2.0
// Defence in depth: parse a rendered Dockerfile with Plinth's own parser and check that it
// holds exactly the planned instructions, flags and values, so that no value from the stack
// file can add, split or change an instruction.
#pragma once

#include "render/plan.hpp"
#include "util/result.hpp"

#include <string_view>

namespace plinth::render {

// An Errc::internal error naming the first difference.
Result<void> verify(std::string_view dockerfile, const Plan& plan);

} // namespace plinth::render
