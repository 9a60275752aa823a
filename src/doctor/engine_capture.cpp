// SPDX-License-Identifier: Apache-2.0
#include "doctor/engine_capture.hpp"

#include "doctor/engine_parse.hpp"
#include "doctor/rooted_host.hpp"
#include "doctor/text.hpp"

namespace plinth::doctor {

std::optional<EngineFacts> load_engine_capture(const HostView& host) {
  const std::string dir = std::string("/") + k_capture_dir + "/engine/";
  const auto reach = host.read(dir + "reach");
  if (!reach) {
    return std::nullopt;
  }
  EngineFacts e;
  e.endpoint = "unix:///var/run/docker.sock";
  const auto r = text::trim(*reach);
  e.reach = r == "ok"                  ? EngineReach::ok
            : r == "socket_missing"    ? EngineReach::socket_missing
            : r == "permission_denied" ? EngineReach::permission_denied
            : r == "not_answering"     ? EngineReach::not_answering
                                       : EngineReach::error;
  e.error = std::string(text::trim(host.read(dir + "error").value_or("")));
  if (auto headers = host.read(dir + "ping.headers")) {
    apply_ping_headers(parse_header_block(*headers), e);
  }
  if (auto version = host.read(dir + "version.json")) {
    if (auto ok = parse_engine_version(*version, e); !ok) {
      e.error = ok.error().message;
    }
  }
  if (auto info = host.read(dir + "info.json")) {
    if (auto ok = parse_engine_info(*info, e); !ok) {
      e.error = ok.error().message;
    }
  }
  return e;
}

} // namespace plinth::doctor
