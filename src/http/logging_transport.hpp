// SPDX-License-Identifier: Apache-2.0
// Decorator that reports every exchange (method, redacted URL and headers, status) to a
// log callback; bodies are never logged (they may hold tokens or megabytes of tar).
#pragma once

#include "http/transport.hpp"

#include <functional>
#include <string_view>

namespace plinth::http {

using LogFn = std::function<void(std::string_view line)>;

class LoggingTransport final : public Transport {
public:
  LoggingTransport(Transport& inner, LogFn log) : m_inner(inner), m_log(std::move(log)) {}
  Result<Response> send(const Request& request) override;

private:
  Transport& m_inner;
  LogFn m_log;
};

} // namespace plinth::http
