// SPDX-License-Identifier: Apache-2.0
#include "render/labels.hpp"

namespace plinth::render {

std::map<std::string, std::string> image_labels(const model::ResolvedImage& image,
                                                const std::string& parent_ref,
                                                const std::string& stack_name) {
  const auto& spec = *image.spec;
  std::map<std::string, std::string> l;
  auto set = [&](const std::string& key, const std::string& value) {
    if (!value.empty()) l[key] = value;
  };
  set("org.opencontainers.image.title", spec.name);
  set("org.opencontainers.image.version", spec.version.value);
  set("org.opencontainers.image.ref.name", image.tag);
  set("org.opencontainers.image.authors", spec.owner.value);
  set("org.opencontainers.image.description", spec.description);
  set("org.opencontainers.image.base.name", parent_ref);
  set("io.plinth.stack", stack_name);
  set("io.plinth.image", spec.name);
  set("io.plinth.tier", std::string(model::tier_name(spec.tier)));
  set("io.plinth.version", spec.version.value);
  set("io.plinth.owner", spec.owner.value);
  set("io.plinth.cadence", spec.cadence.value);
  set("io.plinth.parent", parent_ref);
  set("io.plinth.tensorflow", image.tensorflow);
  set("io.plinth.variant", image.variant);
  set("io.plinth.python", image.python);
  set("io.plinth.cuda", image.cuda);
  set("io.plinth.cudnn", image.cudnn);
  set("io.plinth.driver.min", image.driver_min);
  set("io.plinth.driver.toolkit", image.driver_toolkit);
  // Reserved prefixes are rejected by validation, so user labels never override these.
  for (const auto& [key, value] : spec.labels) {
    l[key] = value.value;
  }
  return l;
}

} // namespace plinth::render
