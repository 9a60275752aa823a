// SPDX-License-Identifier: Apache-2.0
#include "workstation/init_status.hpp"

#include <nlohmann/json.hpp>

namespace plinth::workstation {
namespace {

using nlohmann::json;

std::optional<std::int64_t> opt_num(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number()) {
    return std::nullopt;
  }
  return it->get<std::int64_t>();
}

std::string opt_str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

ServiceStatus service_of(const json& s) {
  ServiceStatus out;
  out.name = opt_str(s, "name");
  out.state = opt_str(s, "state");
  out.pid = opt_num(s, "pid");
  out.restarts = opt_num(s, "restarts").value_or(0);
  out.uptime_ms = opt_num(s, "uptime_ms");
  out.ready = s.value("ready", false);
  out.readiness = opt_str(s, "readiness");
  out.last_exit = opt_str(s, "last_exit");
  return out;
}

} // namespace

Result<InitStatus> parse_init_status(std::string_view text) {
  auto j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("services") || !j["services"].is_array()) {
    return fail(Errc::protocol,
                "plinth-init status --json printed something that is not its status");
  }
  InitStatus out;
  if (auto sup = j.find("supervisor"); sup != j.end() && sup->is_object()) {
    out.supervisor_pid = opt_num(*sup, "pid").value_or(0);
    out.phase = opt_str(*sup, "phase");
    out.rss_kb = opt_num(*sup, "rss_kb").value_or(0);
    out.uptime_ms = opt_num(*sup, "uptime_ms").value_or(0);
  }
  for (const auto& s : j["services"]) {
    if (s.is_object()) {
      out.services.push_back(service_of(s));
    }
  }
  return out;
}

ReadinessVerdict readiness(const InitStatus& status) {
  ReadinessVerdict v;
  for (const auto& s : status.services) {
    if (s.state == "failed") {
      v.failed.push_back(s.name);
    } else if (!s.ready && s.state != "exited") {
      v.pending.push_back(s.name);
    }
  }
  if (!v.failed.empty() || status.phase == "stopping") {
    v.state = Readiness::failed;
  } else if (v.pending.empty()) {
    v.state = Readiness::ready;
  }
  return v;
}

std::string format_uptime(std::optional<std::int64_t> uptime_ms) {
  if (!uptime_ms) {
    return "-";
  }
  const auto s = *uptime_ms / 1000;
  const auto two = [](std::int64_t n) { return (n < 10 ? "0" : "") + std::to_string(n); };
  if (s < 60) {
    return std::to_string(s) + "s";
  }
  if (s < 3600) {
    return std::to_string(s / 60) + "m" + two(s % 60) + "s";
  }
  if (s < 86400) {
    return std::to_string(s / 3600) + "h" + two(s / 60 % 60) + "m";
  }
  return std::to_string(s / 86400) + "d" + two(s / 3600 % 24) + "h";
}

} // namespace plinth::workstation
