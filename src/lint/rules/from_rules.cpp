// SPDX-License-Identifier: Apache-2.0
#include "lint/rules/from_rules.hpp"

namespace plinth::lint::rules {

std::optional<dockerfile::ImageRef> from_image(const Context& ctx, const Instruction& inst) {
  if (inst.keyword != Keyword::from || ctx.onbuild || inst.args.empty() ||
      base_is_not_an_image(ctx)) {
    return std::nullopt;
  }
  const auto& base = ctx.graph.stages[static_cast<std::size_t>(ctx.stage)].base;
  return dockerfile::parse_image_ref(base);
}

} // namespace plinth::lint::rules
