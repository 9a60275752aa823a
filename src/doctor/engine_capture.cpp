// SPDX-License-Identifier: Apache-2.0
#include "doctor/engine_capture.hpp"

#include "doctor/rooted_host.hpp"
#include "doctor/text.hpp"

namespace plinth::doctor {

std::optional<EngineCapture> load_engine_capture(const HostView& host) {
  const std::string dir = std::string("/") + k_capture_dir + "/engine/";
  const auto reach = host.read(dir + "reach");
  if (!reach) {
    return std::nullopt;
  }
  EngineCapture c;
  const auto r = text::trim(*reach);
  c.reach = r == "ok"                  ? EngineReach::ok
            : r == "socket_missing"    ? EngineReach::socket_missing
            : r == "permission_denied" ? EngineReach::permission_denied
            : r == "not_answering"     ? EngineReach::not_answering
                                       : EngineReach::error;
  c.error = std::string(text::trim(host.read(dir + "error").value_or("")));
  if (auto headers = host.read(dir + "ping.headers")) {
    c.ping_headers = parse_header_block(*headers);
  }
  c.version_json = host.read(dir + "version.json");
  c.info_json = host.read(dir + "info.json");
  return c;
}

std::map<std::string, std::string> parse_header_block(std::string_view block) {
  std::map<std::string, std::string> out;
  for (const auto line : text::lines(block)) {
    const auto colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      continue;
    }
    out[std::string(text::trim(line.substr(0, colon)))] =
        std::string(text::trim(line.substr(colon + 1)));
  }
  return out;
}

} // namespace plinth::doctor
