// SPDX-License-Identifier: Apache-2.0
// One entry under `profiles:` -> model::Profile: the limits, GPUs, ulimits and user of a
// workstation (syntax and ranges only; `plinth up` maps them onto the engine).
#pragma once

#include "model/stack.hpp"
#include "spec/yaml_reader.hpp"

namespace plinth::spec {

model::Profile read_profile(YamlReader& r, const std::string& name, const YAML::Node& key,
                            const YAML::Node& node);

// The resource names the engine accepts in HostConfig.Ulimits (setrlimit's, lower case).
const std::vector<std::string_view>& ulimit_names();

} // namespace plinth::spec
