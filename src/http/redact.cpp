// SPDX-License-Identifier: Apache-2.0
#include "http/redact.hpp"

#include <array>

namespace plinth::http {
namespace {

constexpr std::string_view k_redacted = "<redacted>";

bool secret_query_key(std::string_view key) {
  static constexpr std::array<std::string_view, 5> k_keys = {"password", "token", "access_token",
                                                             "refresh_token", "secret"};
  for (auto k : k_keys) {
    if (iequals(k, key)) {
      return true;
    }
  }
  return false;
}

std::string redact_query(std::string_view query) {
  std::string out;
  std::size_t pos = 0;
  while (pos <= query.size()) {
    auto amp = query.find('&', pos);
    if (amp == std::string_view::npos) {
      amp = query.size();
    }
    const auto part = query.substr(pos, amp - pos);
    const auto eq = part.find('=');
    if (!out.empty()) {
      out += '&';
    }
    if (eq != std::string_view::npos && secret_query_key(part.substr(0, eq))) {
      out += std::string(part.substr(0, eq + 1)) + std::string(k_redacted);
    } else {
      out += part;
    }
    pos = amp + 1;
  }
  return out;
}

} // namespace

bool is_secret_header(std::string_view name) {
  return iequals(name, "Authorization") || iequals(name, "Proxy-Authorization") ||
         iequals(name, "X-Registry-Auth") || iequals(name, "X-Registry-Config") ||
         iequals(name, "Cookie") || iequals(name, "Set-Cookie");
}

std::string redact_url(std::string_view url) {
  std::string out(url);
  const auto scheme = out.find("://");
  const auto host_start = scheme == std::string::npos ? 0 : scheme + 3;
  const auto path_start = out.find('/', host_start);
  const auto at = out.find('@', host_start);
  if (at != std::string::npos && (path_start == std::string::npos || at < path_start)) {
    out.replace(host_start, at - host_start, std::string(k_redacted));
  }
  const auto q = out.find('?');
  if (q != std::string::npos) {
    out = out.substr(0, q + 1) + redact_query(std::string_view(out).substr(q + 1));
  }
  return out;
}

std::string describe_request(const Request& request) {
  std::string out = request.method + " " + redact_url(request.url);
  for (const auto& [k, v] : request.headers) {
    out += "\n" + k + ": " + (is_secret_header(k) ? std::string(k_redacted) : v);
  }
  return out;
}

std::string describe_response(const Request& request, const Response& response) {
  std::string out =
      std::to_string(response.status) + " for " + request.method + " " + redact_url(request.url);
  for (const auto& [k, v] : response.headers) {
    out += "\n" + k + ": " + (is_secret_header(k) ? std::string(k_redacted) : v);
  }
  return out;
}

} // namespace plinth::http
