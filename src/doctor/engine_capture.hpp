// SPDX-License-Identifier: Apache-2.0
// Engine facts recorded in a fixture root instead of asked from a live engine:
//   <root>/.plinth-capture/engine/reach         ok | socket_missing | permission_denied |
//   not_answering | error <root>/.plinth-capture/engine/error         the error text (when not ok)
//   <root>/.plinth-capture/engine/info.json     GET /info reply
//   <root>/.plinth-capture/engine/version.json  GET /version reply
//   <root>/.plinth-capture/engine/ping.headers  GET /_ping reply headers, "Name: value" lines
#pragma once

#include "doctor/facts.hpp"
#include "doctor/host_view.hpp"

#include <optional>

namespace plinth::doctor {

// nullopt when the root has no engine capture.
std::optional<EngineFacts> load_engine_capture(const HostView& host);

} // namespace plinth::doctor
