// SPDX-License-Identifier: Apache-2.0
// Scripted transport for tests: answers requests from a queue of canned responses and
// records what was sent.
#pragma once

#include "http/transport.hpp"

#include <deque>
#include <mutex>
#include <variant>
#include <vector>

namespace plinth::http {

class FakeTransport final : public Transport {
public:
  // Queue a response (or an error) for the next request.
  void push(Response r) { m_queue.emplace_back(std::move(r)); }
  void push_error(Error e) { m_queue.emplace_back(std::move(e)); }
  void push(long status, std::string body, Headers headers = {}) {
    Response r;
    r.status = status;
    r.body = std::move(body);
    r.headers = std::move(headers);
    push(std::move(r));
  }

  Result<Response> send(const Request& request) override;

  std::vector<Request> sent; // bodies kept; on_body callbacks kept too

private:
  std::deque<std::variant<Response, Error>> m_queue;
  std::mutex m_mutex;
};

} // namespace plinth::http
