// SPDX-License-Identifier: Apache-2.0
#include "engine/workstation_json.hpp"

#include "http/message.hpp"

#include <algorithm>

namespace plinth::engine {
namespace {

using nlohmann::json;

std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::map<std::string, std::string> labels_of(const json& j) {
  std::map<std::string, std::string> out;
  auto it = j.find("Labels");
  if (it == j.end() || !it->is_object()) {
    return out;
  }
  for (const auto& [k, v] : it->items()) {
    if (v.is_string()) {
      out[k] = v.get<std::string>();
    }
  }
  return out;
}

std::string port_key(const PortBinding& p) {
  return std::to_string(p.container_port) + "/" + p.protocol;
}

json device_request_json(const DeviceRequest& d) {
  json j = {{"Driver", d.driver}, {"Capabilities", d.capabilities}, {"Options", json::object()}};
  // Count and DeviceIDs are exclusive: the engine refuses both.
  if (!d.device_ids.empty()) {
    j["DeviceIDs"] = d.device_ids;
  } else {
    j["Count"] = d.count;
  }
  return j;
}

json mount_json(const MountSpec& m) {
  json j = {{"Type", m.type}, {"Target", m.target}, {"ReadOnly", m.read_only}};
  if (!m.source.empty()) {
    j["Source"] = m.source;
  }
  return j;
}

void add_resources(const HostSettings& h, json& hc) {
  const std::pair<const char*, const std::optional<std::int64_t>*> numbers[] = {
      {"Memory", &h.memory},      {"MemorySwap", &h.memory_swap}, {"ShmSize", &h.shm_size},
      {"NanoCpus", &h.nano_cpus}, {"PidsLimit", &h.pids_limit},
  };
  for (const auto& [key, value] : numbers) {
    if (value->has_value()) {
      hc[key] = **value;
    }
  }
  for (const auto& d : h.device_requests) {
    hc["DeviceRequests"].push_back(device_request_json(d));
  }
  for (const auto& u : h.ulimits) {
    hc["Ulimits"].push_back({{"Name", u.name}, {"Soft", u.soft}, {"Hard", u.hard}});
  }
}

void add_ports(const HostSettings& h, json& body, json& hc) {
  for (const auto& p : h.ports) {
    const auto key = port_key(p);
    body["ExposedPorts"][key] = json::object();
    hc["PortBindings"][key].push_back(
        {{"HostIp", p.host_ip},
         {"HostPort", p.host_port == 0 ? std::string() : std::to_string(p.host_port)}});
  }
}

void add_isolation(const HostSettings& h, json& hc) {
  for (const auto& m : h.mounts) {
    hc["Mounts"].push_back(mount_json(m));
  }
  if (!h.tmpfs.empty()) {
    hc["Tmpfs"] = h.tmpfs;
  }
  const std::pair<const char*, const std::vector<std::string>*> lists[] = {
      {"SecurityOpt", &h.security_opt}, {"CapDrop", &h.cap_drop}, {"CapAdd", &h.cap_add}};
  for (const auto& [key, value] : lists) {
    if (!value->empty()) {
      hc[key] = *value;
    }
  }
  if (h.init.has_value()) {
    hc["Init"] = *h.init;
  }
  if (!h.restart_policy.empty()) {
    hc["RestartPolicy"] = {{"Name", h.restart_policy}, {"MaximumRetryCount", 0}};
  }
}

std::vector<PortBinding> published_ports(const json& j) {
  std::vector<PortBinding> out;
  auto ns = j.find("NetworkSettings");
  if (ns == j.end() || !ns->is_object() || !ns->contains("Ports") || !(*ns)["Ports"].is_object()) {
    return out;
  }
  for (const auto& [key, bindings] : (*ns)["Ports"].items()) {
    const auto slash = key.find('/');
    const int container_port = std::atoi(key.substr(0, slash).c_str());
    const auto proto = slash == std::string::npos ? std::string("tcp") : key.substr(slash + 1);
    if (!bindings.is_array()) {
      continue;
    }
    for (const auto& b : bindings) {
      PortBinding p;
      p.container_port = container_port;
      p.protocol = proto;
      p.host_ip = str(b, "HostIp");
      p.host_port = std::atoi(str(b, "HostPort").c_str());
      out.push_back(std::move(p));
    }
  }
  return out;
}

} // namespace

void add_workstation_settings(const ContainerSpec& s, json& body) {
  if (!s.working_dir.empty()) {
    body["WorkingDir"] = s.working_dir;
  }
  if (s.stop_timeout.has_value()) {
    body["StopTimeout"] = *s.stop_timeout;
  }
  if (!s.hostname.empty()) {
    body["Hostname"] = s.hostname;
  }
  if (!body.contains("HostConfig") || !body["HostConfig"].is_object()) {
    body["HostConfig"] = json::object();
  }
  auto& hc = body["HostConfig"];
  add_resources(s.host, hc);
  add_ports(s.host, body, hc);
  add_isolation(s.host, hc);
}

Result<ContainerInfo> parse_container_inspect(std::string_view body) {
  auto j = json::parse(body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return fail(Errc::protocol, "the engine sent invalid JSON for container inspect");
  }
  ContainerInfo c;
  c.id = str(j, "Id");
  c.name = str(j, "Name");
  if (!c.name.empty() && c.name.front() == '/') {
    c.name.erase(0, 1);
  }
  c.image_id = str(j, "Image");
  if (auto cfg = j.find("Config"); cfg != j.end() && cfg->is_object()) {
    c.image = str(*cfg, "Image");
    c.labels = labels_of(*cfg);
  }
  if (auto st = j.find("State"); st != j.end() && st->is_object()) {
    c.status = str(*st, "Status");
    c.running = st->value("Running", false);
    c.exit_code = st->value("ExitCode", std::int64_t{0});
    c.started_at = str(*st, "StartedAt");
  }
  c.ports = published_ports(j);
  c.raw = std::move(j);
  return c;
}

Result<std::vector<ContainerSummary>> parse_container_list(std::string_view body) {
  auto j = json::parse(body, nullptr, false);
  if (j.is_discarded() || !j.is_array()) {
    return fail(Errc::protocol, "the engine's container list is not a JSON array");
  }
  std::vector<ContainerSummary> out;
  for (const auto& e : j) {
    ContainerSummary s;
    s.id = str(e, "Id");
    if (auto names = e.find("Names");
        names != e.end() && names->is_array() && !names->empty() && (*names)[0].is_string()) {
      s.name = (*names)[0].get<std::string>();
      if (!s.name.empty() && s.name.front() == '/') {
        s.name.erase(0, 1);
      }
    }
    s.image = str(e, "Image");
    s.state = str(e, "State");
    s.status = str(e, "Status");
    s.labels = labels_of(e);
    out.push_back(std::move(s));
  }
  return out;
}

std::string container_list_query(const ContainerFilter& f) {
  json filters = json::object();
  for (const auto& l : f.labels) {
    filters["label"][l] = true;
  }
  for (const auto& n : f.names) {
    filters["name"][n] = true;
  }
  return std::string(f.all ? "all=1&" : "") + "filters=" + http::url_encode(filters.dump());
}

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
  if (j.value("Running", false) || !j.contains("ExitCode") || !j["ExitCode"].is_number()) {
    return std::optional<std::int64_t>{};
  }
  return std::optional<std::int64_t>(j["ExitCode"].get<std::int64_t>());
}

std::string logs_query(const LogOptions& o) {
  std::string q = std::string("stdout=") + (o.stdout_stream ? "1" : "0") +
                  "&stderr=" + (o.stderr_stream ? "1" : "0");
  if (o.follow) {
    q += "&follow=1";
  }
  if (!o.tail.empty() && o.tail != "all") {
    q += "&tail=" + http::url_encode(o.tail);
  }
  return q;
}

void OutputDemuxer::feed(std::string_view chunk) {
  while (!chunk.empty()) {
    if (m_left == 0) {
      const auto need = 8 - m_header.size();
      const auto n = std::min(need, chunk.size());
      m_header.append(chunk.substr(0, n));
      chunk.remove_prefix(n);
      if (m_header.size() < 8) {
        return;
      }
      const auto b = [&](int i) {
        return static_cast<std::uint32_t>(static_cast<unsigned char>(m_header[i]));
      };
      m_stream = b(0) == 2 ? 2 : 1;
      m_left = (b(4) << 24) | (b(5) << 16) | (b(6) << 8) | b(7);
      m_header.clear();
      continue;
    }
    const auto n = std::min<std::size_t>(m_left, chunk.size());
    if (m_sink) {
      m_sink(m_stream, chunk.substr(0, n));
    }
    m_left -= static_cast<std::uint32_t>(n);
    chunk.remove_prefix(n);
  }
}

} // namespace plinth::engine
