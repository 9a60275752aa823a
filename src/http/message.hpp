// SPDX-License-Identifier: Apache-2.0
// HTTP request and response values shared by every transport (curl, fakes, decorators).
#pragma once

#include "util/encoding.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace plinth::http {

using Headers = std::vector<std::pair<std::string, std::string>>;

// Called with each chunk of a streamed response body as it arrives; return false to abort
// the transfer (cancellation). When set, Response::body stays empty.
using BodySink = std::function<bool(std::string_view chunk)>;

struct Request {
  std::string method = "GET";
  std::string url; // absolute: http://localhost/v1.41/_ping
  Headers headers;
  std::string body;                // sent when body_file is empty
  std::filesystem::path body_file; // large uploads streamed from disk (import)
  BodySink on_body;                // streaming responses (JSON-lines progress)
  long timeout_s = 0;              // whole transfer; 0 = no limit (builds)
  bool follow_redirects = false;   // registries redirect blob downloads
};

struct Response {
  long status = 0;
  Headers headers; // names as sent; look up with header()
  std::string body;

  // Case-insensitive header lookup; the first value wins.
  std::optional<std::string> header(std::string_view name) const;
  bool ok() const { return status >= 200 && status < 300; }
};

// Case-insensitive ASCII comparison for header names.
bool iequals(std::string_view a, std::string_view b);

// The encodings live in util/encoding.hpp; these names keep http callers short.
using ::plinth::base64_decode;
using ::plinth::base64_encode;
using ::plinth::base64url_encode;
using ::plinth::url_encode;

} // namespace plinth::http
