// SPDX-License-Identifier: Apache-2.0
// Docker Engine API, images resource: build, inspect, list, tag, push, import, remove.
// Values and their pure JSON/query mapping; the calls are in engine_api/ports.hpp.
#pragma once

#include "util/result.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace plinth::engine {

struct BuildRequest {
  std::string context_tar;               // uncompressed tar holding the Dockerfile
  std::string dockerfile = "Dockerfile"; // path inside the context
  std::vector<std::string> tags;         // "repo:tag"
  std::map<std::string, std::string> labels;
  std::map<std::string, std::string> build_args;
  std::string network_mode; // "host" lets RUN download without a bridge
  bool no_cache = false;
  bool pull = false;
};

struct BuildResult {
  std::string image_id; // "sha256:..."
};

struct ImageInfo {
  std::string id; // "sha256:..." (the config digest)
  std::vector<std::string> repo_tags;
  std::vector<std::string> repo_digests; // "repo@sha256:..." once pushed or pulled
  std::string created;                   // RFC 3339
  std::int64_t size = 0;                 // bytes
  std::map<std::string, std::string> labels;
  std::string user;
  std::string working_dir;
  std::vector<std::string> env;
  std::string architecture;
  std::string os;
};

struct ImageSummary {
  std::string id;
  std::vector<std::string> repo_tags;
  std::vector<std::string> repo_digests;
  std::int64_t created = 0; // seconds since the epoch
  std::int64_t size = 0;    // bytes
  std::map<std::string, std::string> labels;
};

struct ImageFilter {
  std::vector<std::string> labels;     // "key" or "key=value", all must match
  std::vector<std::string> references; // "repo" or "repo:tag" patterns
};

// Sent to the daemon as X-Registry-Auth (base64url JSON); never logged.
struct RegistryAuth {
  std::string username;
  std::string password;
  std::string identity_token;
  std::string server_address; // "host[:port]", no scheme
};

struct PushResult {
  std::string digest; // manifest digest "sha256:..."
  std::int64_t size = 0;
};

Result<ImageInfo> parse_image_inspect(std::string_view body);
Result<std::vector<ImageSummary>> parse_image_list(std::string_view body);

// Query string (without '?') for POST /build.
std::string build_query(const BuildRequest& request);
// Query string for GET /images/json (filters as URL-encoded JSON).
std::string image_list_query(const ImageFilter& filter);
// base64url JSON for X-Registry-Auth.
std::string registry_auth_header(const RegistryAuth& auth);

} // namespace plinth::engine
