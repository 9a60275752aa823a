// SPDX-License-Identifier: Apache-2.0
#include "workstation/init_status.hpp"

#include "util/json_fields.hpp"

#include <nlohmann/json.hpp>

namespace plinth::workstation {
namespace {

using nlohmann::json;
namespace keys = init_contract::status_keys;

std::optional<std::int64_t> opt_num(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number()) {
    return std::nullopt;
  }
  return it->get<std::int64_t>();
}

std::string opt_str(const json& j, const char* key) {
  return json_fields::string(j, key);
}

ServiceStatus service_of(const json& s) {
  ServiceStatus out;
  out.name = opt_str(s, keys::k_name);
  out.state = opt_str(s, keys::k_state);
  out.pid = opt_num(s, keys::k_pid);
  out.restarts = opt_num(s, keys::k_restarts).value_or(0);
  out.uptime_ms = opt_num(s, keys::k_uptime_ms);
  out.ready = json_fields::boolean(s, keys::k_ready);
  out.readiness = opt_str(s, keys::k_readiness);
  out.last_exit = opt_str(s, keys::k_last_exit);
  return out;
}

} // namespace

Result<InitStatus> parse_init_status(std::string_view text) {
  auto j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains(keys::k_services) ||
      !j[keys::k_services].is_array()) {
    return fail(Errc::protocol,
                "plinth-init status --json printed something that is not its status");
  }
  InitStatus out;
  if (auto sup = j.find(keys::k_supervisor); sup != j.end() && sup->is_object()) {
    out.supervisor_pid = opt_num(*sup, keys::k_pid).value_or(0);
    out.phase = opt_str(*sup, keys::k_phase);
    out.rss_kb = opt_num(*sup, keys::k_rss_kb).value_or(0);
    out.uptime_ms = opt_num(*sup, keys::k_uptime_ms).value_or(0);
  }
  for (const auto& s : j[keys::k_services]) {
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
  return uptime_ms ? init_contract::format_uptime(*uptime_ms) : "-";
}

} // namespace plinth::workstation
