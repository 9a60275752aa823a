// SPDX-License-Identifier: Apache-2.0
// The plinth-init configuration (docs/init.md) of a workstation image: one supervised
// service per tool (Jupyter, TensorBoard, code-server), running as the image's user.
#pragma once

#include "model/resolved.hpp"

#include <string>

namespace plinth::render {

// Where rendered extras live inside an image's build context (filled by `plinth build`).
inline constexpr const char* k_context_extras_dir = ".plinth";
inline constexpr const char* k_init_binary = ".plinth/plinth-init";
inline constexpr const char* k_init_config = ".plinth/plinth-init.conf";
// plinth-init runs as the image's non-root user, so its control socket lives in a
// directory that user owns (created in the base image; `plinth up` mounts a tmpfs there).
inline constexpr const char* k_init_socket_dir = "/run/plinth";
inline constexpr const char* k_init_socket = "/run/plinth/init.sock";

// Empty when the image has no tools. Throws Unrenderable (escape.hpp) for a working
// directory with a control character or invalid UTF-8. Secrets never appear here: Jupyter reads
// JUPYTER_TOKEN and code-server PASSWORD from the environment `plinth up` provides.
std::string init_config(const model::ResolvedImage& image);

} // namespace plinth::render
