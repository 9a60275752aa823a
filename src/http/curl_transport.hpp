// SPDX-License-Identifier: Apache-2.0
// libcurl backend: TCP/TLS, or a unix socket (CURLOPT_UNIX_SOCKET_PATH) for dockerd.
#pragma once

#include "http/transport.hpp"

#include <string>

namespace plinth::http {

struct CurlOptions {
  std::string unix_socket; // when set, every request goes through this socket
  long connect_timeout_s = 10;
  std::string user_agent = "plinth/0.1";
};

class CurlTransport final : public Transport {
public:
  explicit CurlTransport(CurlOptions options);
  Result<Response> send(const Request& request) override;

private:
  CurlOptions m_options;
};

} // namespace plinth::http
