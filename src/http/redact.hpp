// SPDX-License-Identifier: Apache-2.0
// Secrets never reach a log: header values that carry credentials are replaced, and so
// are credentials embedded in URLs (user:pass@host) and token-like query parameters.
#pragma once

#include "http/message.hpp"

#include <string>
#include <string_view>

namespace plinth::http {

bool is_secret_header(std::string_view name);
std::string redact_url(std::string_view url);
// "GET http://localhost/v1.41/_ping\nAuthorization: <redacted>\n..."
std::string describe_request(const Request& request);
std::string describe_response(const Request& request, const Response& response);

} // namespace plinth::http
