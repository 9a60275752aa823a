// SPDX-License-Identifier: Apache-2.0
// The plinth-init configuration (docs/init.md) of a workstation image: one supervised
// service per tool (Jupyter, TensorBoard, code-server), running as the image's user.
#pragma once

#include "init/contract.hpp"
#include "model/resolved.hpp"

#include <string>

namespace plinth::render {

// Where rendered extras live inside an image's build context (filled by `plinth build`).
inline constexpr const char* k_context_extras_dir = ".plinth";
inline constexpr const char* k_init_binary = ".plinth/plinth-init";
inline constexpr const char* k_init_config = ".plinth/plinth-init.conf";
// Where plinth-init, its configuration and its socket are inside the image: init/contract.hpp.

// Empty when the image has no tools. Throws Unrenderable (escape.hpp) for a working
// directory with a control character or invalid UTF-8. Secrets never appear here: Jupyter reads
// JUPYTER_TOKEN and code-server PASSWORD from the environment `plinth up` provides.
std::string init_config(const model::ResolvedImage& image);

} // namespace plinth::render
