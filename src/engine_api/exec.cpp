// SPDX-License-Identifier: Apache-2.0
#include "engine_api/exec.hpp"

#include <nlohmann/json.hpp>

namespace plinth::engine {

using nlohmann::json;

std::string exec_create_body(const ExecSpec& s) {
  json j = {{"Cmd", s.cmd},
            {"AttachStdin", false},
            {"AttachStdout", true},
            {"AttachStderr", true},
            {"Tty", false}};
  if (!s.user.empty()) {
    j["User"] = s.user;
  }
  if (!s.env.empty()) {
    j["Env"] = s.env;
  }
  if (!s.working_dir.empty()) {
    j["WorkingDir"] = s.working_dir;
  }
  return j.dump();
}

Result<std::optional<std::int64_t>> parse_exec_inspect(std::string_view body) {
  auto j = json::parse(body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return fail(Errc::protocol, "the engine sent invalid JSON for exec inspect");
  }
  const auto running = j.find("Running");
  if ((running != j.end() && running->is_boolean() && running->get<bool>()) ||
      !j.contains("ExitCode") || !j["ExitCode"].is_number()) {
    return std::optional<std::int64_t>{};
  }
  return std::optional<std::int64_t>(j["ExitCode"].get<std::int64_t>());
}

} // namespace plinth::engine
