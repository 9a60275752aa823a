// SPDX-License-Identifier: Apache-2.0
// Percent-encoding and base64: pure text encodings shared by the engine vocabulary, the
// HTTP transports and the registry client.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace plinth {

// Percent-encodes everything but RFC 3986 unreserved characters.
std::string url_encode(std::string_view s);

// Standard base64 and the URL-safe alphabet (X-Registry-Auth), both padded.
std::string base64_encode(std::string_view data);
std::string base64url_encode(std::string_view data);
std::optional<std::string> base64_decode(std::string_view data);

} // namespace plinth
