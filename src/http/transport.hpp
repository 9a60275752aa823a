// SPDX-License-Identifier: Apache-2.0
// The one seam between Plinth and the network: send a request, get a response. Backends
// (curl over TCP or a unix socket) and decorators (logging) implement it; tests script it.
#pragma once

#include "http/message.hpp"
#include "util/result.hpp"

namespace plinth::http {

class Transport {
public:
  virtual ~Transport() = default;
  // A Response for every HTTP status (4xx/5xx included); an Error only when no response
  // arrived: Errc::unavailable (cannot connect), timeout, cancelled (sink said stop), io.
  virtual Result<Response> send(const Request& request) = 0;
};

} // namespace plinth::http
