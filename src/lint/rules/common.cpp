// SPDX-License-Identifier: Apache-2.0
#include "lint/rules/common.hpp"

namespace plinth::lint::rules {

bool base_is_not_an_image(const Context& ctx) {
  if (ctx.stage < 0) {
    return true;
  }
  const auto& s = ctx.graph.stages[static_cast<std::size_t>(ctx.stage)];
  return s.parent >= 0 || s.base.empty() || s.base == "scratch" ||
         s.base.find('$') != std::string::npos;
}

} // namespace plinth::lint::rules
