// SPDX-License-Identifier: Apache-2.0
// Pure mapping between Engine API JSON and engine/types.hpp values. Unknown fields are
// ignored (the API's schema is open); missing ones keep their defaults.
#pragma once

#include "engine/types.hpp"
#include "util/result.hpp"

#include <string>
#include <string_view>

namespace plinth::engine {

Result<VersionInfo> parse_version(std::string_view body);
Result<Info> parse_info(std::string_view body);
Result<ImageInfo> parse_image_inspect(std::string_view body);
Result<std::vector<ImageSummary>> parse_image_list(std::string_view body);
Result<WaitResult> parse_wait(std::string_view body);
// One line of a progress stream; an Error when the line is not JSON.
Result<StreamMessage> parse_stream_message(std::string_view line);

// {"message": "..."} from an error response, else the body itself (trimmed).
std::string error_message(std::string_view body);

// Query string (without '?') for POST /build.
std::string build_query(const BuildRequest& request);
// Query string for GET /images/json (filters as URL-encoded JSON).
std::string image_list_query(const ImageFilter& filter);
// base64url JSON for X-Registry-Auth.
std::string registry_auth_header(const RegistryAuth& auth);
// Body of POST /containers/create.
std::string create_container_body(const ContainerSpec& spec);

// Splits a multiplexed (non-TTY) log stream: 8-byte headers [type,0,0,0,size BE].
Logs demux_logs(std::string_view raw);

} // namespace plinth::engine
