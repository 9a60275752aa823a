// SPDX-License-Identifier: Apache-2.0
// The rule table: one factory per rule file under src/lint/rules/.
#pragma once

#include "lint/rule.hpp"

#include <memory>
#include <vector>

namespace plinth::lint::rules {

using Factory = std::unique_ptr<Rule> (*)();

// Every rule, in id order.
const std::vector<Factory>& factories();

} // namespace plinth::lint::rules
