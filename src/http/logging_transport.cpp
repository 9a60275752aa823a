// SPDX-License-Identifier: Apache-2.0
#include "http/logging_transport.hpp"

#include "http/redact.hpp"

namespace plinth::http {

Result<Response> LoggingTransport::send(const Request& request) {
  if (m_log) {
    m_log("> " + describe_request(request));
  }
  auto response = m_inner.send(request);
  if (m_log) {
    if (response) {
      m_log("< " + describe_response(request, *response));
    } else {
      m_log("< error: " + response.error().describe());
    }
  }
  return response;
}

} // namespace plinth::http
