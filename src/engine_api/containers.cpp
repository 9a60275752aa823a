// SPDX-License-Identifier: Apache-2.0
#include "engine_api/containers.hpp"

#include "util/encoding.hpp"
#include "util/json_fields.hpp"

#include <nlohmann/json.hpp>

#include <cstdlib>

namespace plinth::engine {
namespace {

namespace jf = json_fields;
using nlohmann::json;

std::string port_key(const PortBinding& p) {
  return std::to_string(p.container_port) + "/" + p.protocol;
}

std::string without_slash(std::string name) {
  if (!name.empty() && name.front() == '/') {
    name.erase(0, 1);
  }
  return name;
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
      p.host_ip = jf::string(b, "HostIp");
      p.host_port = std::atoi(jf::string(b, "HostPort").c_str());
      out.push_back(std::move(p));
    }
  }
  return out;
}

} // namespace

std::string create_container_body(const ContainerSpec& s) {
  json j = json::object();
  j["Image"] = s.image;
  if (!s.cmd.empty()) {
    j["Cmd"] = s.cmd;
  }
  if (!s.entrypoint.empty()) {
    j["Entrypoint"] = s.entrypoint;
  }
  if (!s.user.empty()) {
    j["User"] = s.user;
  }
  if (!s.env.empty()) {
    j["Env"] = s.env;
  }
  j["Labels"] = s.labels;
  j["Tty"] = false;
  j["AttachStdout"] = true;
  j["AttachStderr"] = true;
  if (!s.working_dir.empty()) {
    j["WorkingDir"] = s.working_dir;
  }
  if (s.stop_timeout.has_value()) {
    j["StopTimeout"] = *s.stop_timeout;
  }
  if (!s.hostname.empty()) {
    j["Hostname"] = s.hostname;
  }
  auto& hc = j["HostConfig"] = json::object();
  if (!s.network_mode.empty()) {
    hc["NetworkMode"] = s.network_mode;
  }
  add_resources(s.host, hc);
  add_ports(s.host, j, hc);
  add_isolation(s.host, hc);
  return j.dump();
}

Result<WaitResult> parse_wait(std::string_view body) {
  auto j = jf::parse(body, "container wait");
  PLINTH_TRY(j);
  WaitResult w;
  w.status_code = jf::integer(*j, "StatusCode");
  if (auto it = j->find("Error"); it != j->end() && it->is_object()) {
    w.error = jf::string(*it, "Message");
  }
  return w;
}

Result<ContainerInfo> parse_container_inspect(std::string_view body) {
  auto j = json::parse(body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return fail(Errc::protocol, "the engine sent invalid JSON for container inspect");
  }
  ContainerInfo c;
  c.id = jf::string(j, "Id");
  c.name = without_slash(jf::string(j, "Name"));
  c.image_id = jf::string(j, "Image");
  if (auto cfg = j.find("Config"); cfg != j.end() && cfg->is_object()) {
    c.image = jf::string(*cfg, "Image");
    c.labels = jf::string_map(*cfg, "Labels");
  }
  if (auto st = j.find("State"); st != j.end() && st->is_object()) {
    c.status = jf::string(*st, "Status");
    c.running = jf::boolean(*st, "Running");
    c.exit_code = jf::integer(*st, "ExitCode");
    c.started_at = jf::string(*st, "StartedAt");
  }
  c.ports = published_ports(j);
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
    s.id = jf::string(e, "Id");
    if (const auto names = jf::strings(e, "Names"); !names.empty()) {
      s.name = without_slash(names.front());
    }
    s.image = jf::string(e, "Image");
    s.state = jf::string(e, "State");
    s.status = jf::string(e, "Status");
    s.labels = jf::string_map(e, "Labels");
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
  return std::string(f.all ? "all=1&" : "") + "filters=" + url_encode(filters.dump());
}

std::string logs_query(const LogOptions& o) {
  std::string q = std::string("stdout=") + (o.stdout_stream ? "1" : "0") +
                  "&stderr=" + (o.stderr_stream ? "1" : "0");
  if (o.follow) {
    q += "&follow=1";
  }
  if (!o.tail.empty() && o.tail != "all") {
    q += "&tail=" + url_encode(o.tail);
  }
  return q;
}

} // namespace plinth::engine
