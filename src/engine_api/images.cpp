// SPDX-License-Identifier: Apache-2.0
#include "engine_api/images.hpp"

#include "util/encoding.hpp"
#include "util/json_fields.hpp"

#include <nlohmann/json.hpp>

namespace plinth::engine {

namespace jf = json_fields;
using nlohmann::json;

Result<ImageInfo> parse_image_inspect(std::string_view body) {
  auto j = jf::parse(body, "image inspect");
  PLINTH_TRY(j);
  ImageInfo i;
  i.id = jf::string(*j, "Id");
  i.repo_tags = jf::strings(*j, "RepoTags");
  i.repo_digests = jf::strings(*j, "RepoDigests");
  i.created = jf::string(*j, "Created");
  i.size = jf::integer(*j, "Size");
  i.architecture = jf::string(*j, "Architecture");
  i.os = jf::string(*j, "Os");
  if (auto it = j->find("Config"); it != j->end() && it->is_object()) {
    i.labels = jf::string_map(*it, "Labels");
    i.user = jf::string(*it, "User");
    i.working_dir = jf::string(*it, "WorkingDir");
    i.env = jf::strings(*it, "Env");
  }
  return i;
}

Result<std::vector<ImageSummary>> parse_image_list(std::string_view body) {
  auto j = jf::parse(body, "image list");
  PLINTH_TRY(j);
  if (!j->is_array()) {
    return fail(Errc::protocol, "the engine's image list is not a JSON array");
  }
  std::vector<ImageSummary> out;
  for (const auto& e : *j) {
    ImageSummary s;
    s.id = jf::string(e, "Id");
    s.repo_tags = jf::strings(e, "RepoTags");
    s.repo_digests = jf::strings(e, "RepoDigests");
    s.created = jf::integer(e, "Created");
    s.size = jf::integer(e, "Size");
    s.labels = jf::string_map(e, "Labels");
    out.push_back(std::move(s));
  }
  return out;
}

std::string build_query(const BuildRequest& r) {
  std::string q = "dockerfile=" + url_encode(r.dockerfile) + "&rm=1&forcerm=1";
  for (const auto& t : r.tags) {
    q += "&t=" + url_encode(t);
  }
  if (!r.labels.empty()) {
    q += "&labels=" + url_encode(json(r.labels).dump());
  }
  if (!r.build_args.empty()) {
    q += "&buildargs=" + url_encode(json(r.build_args).dump());
  }
  if (!r.network_mode.empty()) {
    q += "&networkmode=" + url_encode(r.network_mode);
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
  return "filters=" + url_encode(filters.dump());
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
  return base64url_encode(j.dump());
}

} // namespace plinth::engine
