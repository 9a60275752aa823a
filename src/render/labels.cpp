// SPDX-License-Identifier: Apache-2.0
#include "render/labels.hpp"

#include "model/labels.hpp"

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
  set(model::labels::stack, stack_name);
  set(model::labels::image, spec.name);
  set(model::labels::tier, std::string(model::tier_name(spec.tier)));
  set(model::labels::version, spec.version.value);
  set(model::labels::owner, spec.owner.value);
  set(model::labels::cadence, spec.cadence.value);
  set(model::labels::parent, parent_ref);
  set(model::labels::tensorflow, image.tensorflow);
  set(model::labels::variant, image.variant);
  set(model::labels::python, image.python);
  set(model::labels::cuda, image.cuda);
  set(model::labels::cudnn, image.cudnn);
  set(model::labels::driver_min, image.driver_min);
  set(model::labels::driver_toolkit, image.driver_toolkit);
  // Reserved prefixes are rejected by validation, so user labels never override these.
  for (const auto& [key, value] : spec.labels) {
    l[key] = value.value;
  }
  return l;
}

} // namespace plinth::render
