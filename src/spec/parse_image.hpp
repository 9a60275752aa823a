// SPDX-License-Identifier: Apache-2.0
// One entry under `images:` -> model::ImageSpec (structure and field syntax only).
#pragma once

#include "model/stack.hpp"
#include "spec/yaml_reader.hpp"

namespace plinth::spec {

model::ImageSpec read_image(YamlReader& r, const std::string& name, const YAML::Node& key,
                            const YAML::Node& node);

// "bootstrap:debian/bookworm" or an image reference; syntax errors are reported.
std::optional<model::BaseFrom> read_base_from(YamlReader& r, const YAML::Node& node);

} // namespace plinth::spec
