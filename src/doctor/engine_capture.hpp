// SPDX-License-Identifier: Apache-2.0
// Engine replies recorded in a fixture root instead of asked from a live engine:
//   <root>/.plinth-capture/engine/reach         ok | socket_missing | permission_denied |
//                                               not_answering | error
//   <root>/.plinth-capture/engine/error         the error text (when not ok)
//   <root>/.plinth-capture/engine/info.json     GET /info reply
//   <root>/.plinth-capture/engine/version.json  GET /version reply
//   <root>/.plinth-capture/engine/ping.headers  GET /_ping reply headers, "Name: value" lines
// The app layer replays them through a scripted transport into the real engine client, so
// captured and live replies go through one parser.
#pragma once

#include "doctor/facts.hpp"
#include "doctor/host_view.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace plinth::doctor {

struct EngineCapture {
  EngineReach reach = EngineReach::error;
  std::string error;
  std::map<std::string, std::string> ping_headers;
  std::optional<std::string> version_json;
  std::optional<std::string> info_json;
};

// nullopt when the root has no engine capture.
std::optional<EngineCapture> load_engine_capture(const HostView& host);

// "Api-Version: 1.41\nBuilder-Version: 2\n" (a captured header block) -> name -> value.
std::map<std::string, std::string> parse_header_block(std::string_view text);

} // namespace plinth::doctor
