// SPDX-License-Identifier: Apache-2.0
// OCI distribution client for the calls Plinth needs: check credentials (GET /v2/), read
// a tag's manifest digest (HEAD), list tags. Answers 401 challenges with Basic auth or a
// Bearer token from the realm; retries transient failures with exponential backoff.
#pragma once

#include "http/transport.hpp"
#include "registry/credentials.hpp"
#include "util/result.hpp"

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace plinth::registry {

struct ManifestInfo {
  std::string digest; // Docker-Content-Digest
  std::string media_type;
  std::int64_t size = 0;
};

struct RetryPolicy {
  int attempts = 4;                           // tries in all
  std::chrono::milliseconds first_delay{500}; // doubled after each failure
};

using SleepFn = std::function<void(std::chrono::milliseconds)>;

// http for loopback hosts (127.0.0.0/8, localhost, [::1]), https otherwise.
std::string base_url_for(std::string_view host);

class Client {
public:
  Client(http::Transport& transport, std::string host, std::optional<Credentials> credentials,
         RetryPolicy retry = {}, SleepFn sleep = {});

  // GET /v2/: Errc::unauthorized when the credentials are refused or missing.
  Result<void> check_access(const std::string& repository);
  // nullopt when the tag does not exist. `repository` is the path after the host.
  Result<std::optional<ManifestInfo>> head_manifest(const std::string& repository,
                                                    const std::string& reference);
  Result<std::vector<std::string>> list_tags(const std::string& repository);

private:
  Result<http::Response> send(http::Request request, const std::string& scope);
  Result<http::Response> send_with_retries(const http::Request& request);
  Result<void> answer_challenge(const std::string& header, const std::string& scope);

  http::Transport& m_transport;
  std::string m_host;
  std::string m_base;
  std::optional<Credentials> m_credentials;
  RetryPolicy m_retry;
  SleepFn m_sleep;
  std::string m_authorization; // current Authorization header value (never logged)
};

} // namespace plinth::registry
