// SPDX-License-Identifier: Apache-2.0
#include "engine/json.hpp"

#include "engine/workstation_json.hpp"
#include "http/message.hpp"

namespace plinth::engine {
namespace {

using nlohmann::json;

Result<json> parse_json(std::string_view body, std::string_view what) {
  auto j = json::parse(body, nullptr, false);
  if (j.is_discarded()) {
    return fail(Errc::protocol, "the engine sent invalid JSON for " + std::string(what));
  }
  return j;
}

std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) {
    return {};
  }
  return it->get<std::string>();
}

std::int64_t num(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number()) {
    return 0;
  }
  return it->get<std::int64_t>();
}

std::vector<std::string> strings(const json& j, const char* key) {
  std::vector<std::string> out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) {
    return out;
  }
  for (const auto& v : *it) {
    if (v.is_string()) {
      out.push_back(v.get<std::string>());
    }
  }
  return out;
}

std::map<std::string, std::string> string_map(const json& j, const char* key) {
  std::map<std::string, std::string> out;
  auto it = j.find(key);
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

} // namespace

Result<VersionInfo> parse_version(std::string_view body) {
  auto j = parse_json(body, "/version");
  if (!j) {
    return fail(std::move(j.error()));
  }
  VersionInfo v;
  v.version = str(*j, "Version");
  v.api_version = str(*j, "ApiVersion");
  v.min_api_version = str(*j, "MinAPIVersion");
  v.os = str(*j, "Os");
  v.arch = str(*j, "Arch");
  v.kernel_version = str(*j, "KernelVersion");
  v.git_commit = str(*j, "GitCommit");
  v.go_version = str(*j, "GoVersion");
  return v;
}

Result<Info> parse_info(std::string_view body) {
  auto j = parse_json(body, "/info");
  if (!j) {
    return fail(std::move(j.error()));
  }
  Info i;
  i.server_version = str(*j, "ServerVersion");
  i.operating_system = str(*j, "OperatingSystem");
  i.os_type = str(*j, "OSType");
  i.architecture = str(*j, "Architecture");
  i.driver = str(*j, "Driver");
  i.docker_root_dir = str(*j, "DockerRootDir");
  i.cgroup_driver = str(*j, "CgroupDriver");
  i.cgroup_version = str(*j, "CgroupVersion");
  i.default_runtime = str(*j, "DefaultRuntime");
  if (auto it = j->find("Runtimes"); it != j->end() && it->is_object()) {
    for (const auto& [name, _] : it->items()) {
      i.runtimes.push_back(name); // object keys iterate sorted
    }
  }
  i.security_options = strings(*j, "SecurityOptions");
  i.ncpu = static_cast<int>(num(*j, "NCPU"));
  i.mem_total = num(*j, "MemTotal");
  i.raw = std::move(*j);
  return i;
}

Result<ImageInfo> parse_image_inspect(std::string_view body) {
  auto j = parse_json(body, "image inspect");
  if (!j) {
    return fail(std::move(j.error()));
  }
  ImageInfo i;
  i.id = str(*j, "Id");
  i.repo_tags = strings(*j, "RepoTags");
  i.repo_digests = strings(*j, "RepoDigests");
  i.created = str(*j, "Created");
  i.size = num(*j, "Size");
  i.architecture = str(*j, "Architecture");
  i.os = str(*j, "Os");
  if (auto it = j->find("Config"); it != j->end() && it->is_object()) {
    i.labels = string_map(*it, "Labels");
    i.user = str(*it, "User");
    i.working_dir = str(*it, "WorkingDir");
    i.env = strings(*it, "Env");
  }
  return i;
}

Result<std::vector<ImageSummary>> parse_image_list(std::string_view body) {
  auto j = parse_json(body, "image list");
  if (!j) {
    return fail(std::move(j.error()));
  }
  if (!j->is_array()) {
    return fail(Errc::protocol, "the engine's image list is not a JSON array");
  }
  std::vector<ImageSummary> out;
  for (const auto& e : *j) {
    ImageSummary s;
    s.id = str(e, "Id");
    s.repo_tags = strings(e, "RepoTags");
    s.repo_digests = strings(e, "RepoDigests");
    s.created = num(e, "Created");
    s.size = num(e, "Size");
    s.labels = string_map(e, "Labels");
    out.push_back(std::move(s));
  }
  return out;
}

Result<WaitResult> parse_wait(std::string_view body) {
  auto j = parse_json(body, "container wait");
  if (!j) {
    return fail(std::move(j.error()));
  }
  WaitResult w;
  w.status_code = num(*j, "StatusCode");
  if (auto it = j->find("Error"); it != j->end() && it->is_object()) {
    w.error = str(*it, "Message");
  }
  return w;
}

Result<StreamMessage> parse_stream_message(std::string_view line) {
  auto j = parse_json(line, "a progress stream line");
  if (!j) {
    return fail(std::move(j.error()));
  }
  StreamMessage m;
  m.stream = str(*j, "stream");
  m.status = str(*j, "status");
  m.id = str(*j, "id");
  if (auto it = j->find("progressDetail"); it != j->end() && it->is_object()) {
    m.current = num(*it, "current");
    m.total = num(*it, "total");
  }
  if (auto it = j->find("errorDetail"); it != j->end() && it->is_object()) {
    m.error = str(*it, "message");
  }
  if (m.error.empty()) {
    m.error = str(*j, "error");
  }
  if (auto it = j->find("aux"); it != j->end()) {
    m.aux = *it;
  }
  return m;
}

std::string error_message(std::string_view body) {
  auto j = json::parse(body, nullptr, false);
  if (!j.is_discarded() && j.is_object()) {
    auto m = str(j, "message");
    if (!m.empty()) {
      return m;
    }
  }
  std::string out(body);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r' || out.back() == ' ')) {
    out.pop_back();
  }
  return out;
}

std::string build_query(const BuildRequest& r) {
  std::string q = "dockerfile=" + http::url_encode(r.dockerfile) + "&rm=1&forcerm=1";
  for (const auto& t : r.tags) {
    q += "&t=" + http::url_encode(t);
  }
  if (!r.labels.empty()) {
    q += "&labels=" + http::url_encode(json(r.labels).dump());
  }
  if (!r.build_args.empty()) {
    q += "&buildargs=" + http::url_encode(json(r.build_args).dump());
  }
  if (!r.network_mode.empty()) {
    q += "&networkmode=" + http::url_encode(r.network_mode);
  }
  if (r.no_cache) {
    q += "&nocache=1";
  }
  if (r.pull) {
    q += "&pull=1";
  }
  return q;
}

std::string image_list_query(const ImageFilter& f) {
  json filters = json::object();
  for (const auto& l : f.labels) {
    filters["label"][l] = true;
  }
  for (const auto& r : f.references) {
    filters["reference"][r] = true;
  }
  return "filters=" + http::url_encode(filters.dump());
}

std::string registry_auth_header(const RegistryAuth& a) {
  json j = json::object();
  if (!a.identity_token.empty()) {
    j["identitytoken"] = a.identity_token;
  } else {
    j["username"] = a.username;
    j["password"] = a.password;
  }
  j["serveraddress"] = a.server_address;
  return http::base64url_encode(j.dump());
}

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
  j["HostConfig"] = json::object();
  if (!s.network_mode.empty()) {
    j["HostConfig"]["NetworkMode"] = s.network_mode;
  }
  add_workstation_settings(s, j); // engine/workstation_json.cpp: no-op when unset
  return j.dump();
}

Logs demux_logs(std::string_view raw) {
  Logs out;
  while (raw.size() >= 8) {
    const auto type = static_cast<unsigned char>(raw[0]);
    const std::uint32_t size =
        (static_cast<std::uint32_t>(static_cast<unsigned char>(raw[4])) << 24) |
        (static_cast<std::uint32_t>(static_cast<unsigned char>(raw[5])) << 16) |
        (static_cast<std::uint32_t>(static_cast<unsigned char>(raw[6])) << 8) |
        static_cast<std::uint32_t>(static_cast<unsigned char>(raw[7]));
    raw.remove_prefix(8);
    const auto n = std::min<std::size_t>(size, raw.size());
    (type == 2 ? out.err : out.out).append(raw.substr(0, n));
    raw.remove_prefix(n);
  }
  return out;
}

} // namespace plinth::engine
