// SPDX-License-Identifier: Apache-2.0
#include "http/fake_transport.hpp"

namespace plinth::http {

Result<Response> FakeTransport::send(const Request& request) {
  std::lock_guard lock(m_mutex);
  sent.push_back(request);
  if (m_queue.empty()) {
    return fail(Errc::internal,
                "FakeTransport: no response scripted for " + request.method + " " + request.url);
  }
  auto next = std::move(m_queue.front());
  m_queue.pop_front();
  if (auto* e = std::get_if<Error>(&next)) {
    return fail(std::move(*e));
  }
  auto r = std::get<Response>(std::move(next));
  if (request.on_body && r.ok()) {
    if (!request.on_body(r.body)) {
      return fail(Errc::cancelled, "transfer stopped by the caller");
    }
    r.body.clear();
  }
  return r;
}

} // namespace plinth::http
