// SPDX-License-Identifier: Apache-2.0
#include "model/stack.hpp"

namespace plinth::model {

std::string_view tier_name(Tier t) {
  switch (t) {
  case Tier::base: return "base";
  case Tier::common: return "common";
  case Tier::project: return "project";
  }
  return "base";
}

std::optional<Tier> parse_tier(std::string_view s) {
  if (s == "base") return Tier::base;
  if (s == "common") return Tier::common;
  if (s == "project") return Tier::project;
  return std::nullopt;
}

std::string bootstrap_image_ref(std::string_view distribution, std::string_view suite) {
  return "plinth.local/bootstrap/" + std::string(distribution) + ":" + std::string(suite);
}

std::string BaseFrom::image_ref() const {
  return bootstrap ? bootstrap_image_ref(bootstrap_distribution, bootstrap_suite) : ref.value;
}

const ImageSpec* Stack::find(std::string_view image) const {
  for (const auto& i : images) {
    if (i.name == image) {
      return &i;
    }
  }
  return nullptr;
}

} // namespace plinth::model
