// SPDX-License-Identifier: Apache-2.0
#include "registry/client.hpp"

#include "http/message.hpp"
#include "registry/challenge.hpp"

#include <nlohmann/json.hpp>

#include <thread>

namespace plinth::registry {
namespace {

constexpr const char* k_manifest_accept =
    "application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json, "
    "application/vnd.docker.distribution.manifest.list.v2+json, "
    "application/vnd.docker.distribution.manifest.v2+json";

bool transient_status(long s) {
  return s == 408 || s == 429 || s >= 500;
}

bool transient_error(const Error& e) {
  return e.code == Errc::unavailable || e.code == Errc::timeout || e.code == Errc::io;
}

std::string registry_error(const http::Response& r) {
  const auto j = nlohmann::json::parse(r.body, nullptr, false);
  if (!j.is_discarded() && j.is_object() && j.contains("errors") && j["errors"].is_array() &&
      !j["errors"].empty()) {
    const auto& e = j["errors"][0];
    return e.value("code", "") + ": " + e.value("message", "");
  }
  return "HTTP " + std::to_string(r.status);
}

} // namespace

std::string base_url_for(std::string_view host) {
  const bool loopback =
      host.rfind("127.", 0) == 0 || host.rfind("localhost", 0) == 0 || host.rfind("[::1]", 0) == 0;
  return (loopback ? "http://" : "https://") + std::string(host);
}

Client::Client(http::Transport& transport, std::string host, std::optional<Credentials> credentials,
               RetryPolicy retry, SleepFn sleep)
    : m_transport(transport), m_host(std::move(host)), m_base(base_url_for(m_host)),
      m_credentials(std::move(credentials)), m_retry(retry), m_sleep(std::move(sleep)) {
  if (!m_sleep) {
    m_sleep = [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
  }
}

Result<http::Response> Client::send_with_retries(const http::Request& request) {
  auto delay = m_retry.first_delay;
  for (int attempt = 1;; ++attempt) {
    auto r = m_transport.send(request);
    const bool again = r ? transient_status(r->status) : transient_error(r.error());
    if (!again || attempt >= m_retry.attempts) {
      if (!r) {
        return fail(std::move(r.error().with_context("registry " + m_host)));
      }
      return r;
    }
    m_sleep(delay);
    delay *= 2;
  }
}

Result<void> Client::answer_challenge(const std::string& header, const std::string& scope) {
  const auto challenge = parse_challenge(header);
  if (!m_credentials) {
    return fail(Errc::unauthorized, "registry " + m_host +
                                        " needs credentials: run `docker login " + m_host +
                                        "` or pass --username and --password-stdin");
  }
  const auto basic =
      "Basic " + http::base64_encode(m_credentials->username + ":" + m_credentials->password);
  if (!challenge || challenge->scheme == "basic") {
    m_authorization = basic;
    return {};
  }
  if (challenge->scheme != "bearer" || challenge->params.count("realm") == 0) {
    return fail(Errc::protocol,
                "registry " + m_host + " sent an unsupported challenge: " + challenge->scheme);
  }
  const auto& p = challenge->params;
  std::string url =
      p.at("realm") + "?service=" + http::url_encode(p.count("service") ? p.at("service") : "");
  url += "&scope=" + http::url_encode(p.count("scope") ? p.at("scope") : scope);
  http::Request token_req;
  token_req.url = url;
  token_req.timeout_s = 60;
  if (!m_credentials->identity_token.empty()) {
    token_req.method = "POST";
    token_req.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
    token_req.body = "grant_type=refresh_token&refresh_token=" +
                     http::url_encode(m_credentials->identity_token) +
                     "&service=" + http::url_encode(p.count("service") ? p.at("service") : "") +
                     "&client_id=plinth";
  } else {
    token_req.headers = {{"Authorization", basic}};
  }
  PLINTH_TRY_ASSIGN(auto r, send_with_retries(token_req));
  if (r.status == 401 || r.status == 403) {
    return fail(Errc::unauthorized,
                "registry " + m_host + " refused the credentials (wrong username or password?)");
  }
  const auto j = nlohmann::json::parse(r.body, nullptr, false);
  const auto token = j.is_object() ? j.value("token", j.value("access_token", "")) : std::string();
  if (!r.ok() || token.empty()) {
    return fail(Errc::protocol,
                "registry " + m_host + "'s token service answered " + std::to_string(r.status));
  }
  m_authorization = "Bearer " + token;
  return {};
}

Result<http::Response> Client::send(http::Request request, const std::string& scope) {
  for (int round = 0; round < 2; ++round) {
    auto req = request;
    if (!m_authorization.empty()) {
      req.headers.emplace_back("Authorization", m_authorization);
    }
    auto r = send_with_retries(req);
    if (!r || r->status != 401) {
      return r;
    }
    if (round == 1 || (!m_authorization.empty() && m_authorization.rfind("Basic ", 0) == 0)) {
      return fail(Errc::unauthorized,
                  "registry " + m_host + " refused the credentials for user '" +
                      (m_credentials ? m_credentials->username : std::string()) +
                      "' (wrong username or password?)");
    }
    PLINTH_TRY(answer_challenge(r->header("WWW-Authenticate").value_or(""), scope));
  }
  return fail(Errc::unauthorized, "registry " + m_host + " keeps asking for credentials");
}

Result<void> Client::check_access(const std::string& repository) {
  http::Request req;
  req.url = m_base + "/v2/";
  req.timeout_s = 60;
  PLINTH_TRY_ASSIGN(auto r, send(req, "repository:" + repository + ":pull,push"));
  if (!r.ok()) {
    return fail(Errc::protocol, "registry " + m_host + ": GET /v2/ answered " + registry_error(r));
  }
  return {};
}

Result<std::optional<ManifestInfo>> Client::head_manifest(const std::string& repository,
                                                          const std::string& reference) {
  http::Request req;
  req.method = "HEAD";
  req.url = m_base + "/v2/" + repository + "/manifests/" + reference;
  req.headers = {{"Accept", k_manifest_accept}};
  req.timeout_s = 60;
  PLINTH_TRY_ASSIGN(auto r, send(req, "repository:" + repository + ":pull"));
  if (r.status == 404) {
    return std::optional<ManifestInfo>{};
  }
  if (!r.ok()) {
    return fail(Errc::protocol, "registry " + m_host + ": HEAD manifest " + repository + ":" +
                                    reference + " answered " + std::to_string(r.status));
  }
  ManifestInfo info;
  info.digest = r.header("Docker-Content-Digest").value_or("");
  info.media_type = r.header("Content-Type").value_or("");
  info.size = std::atoll(r.header("Content-Length").value_or("0").c_str());
  return std::optional<ManifestInfo>(info);
}

Result<std::vector<std::string>> Client::list_tags(const std::string& repository) {
  http::Request req;
  req.url = m_base + "/v2/" + repository + "/tags/list";
  req.timeout_s = 60;
  PLINTH_TRY_ASSIGN(auto r, send(req, "repository:" + repository + ":pull"));
  if (r.status == 404) {
    return std::vector<std::string>{};
  }
  const auto j = nlohmann::json::parse(r.body, nullptr, false);
  std::vector<std::string> tags;
  if (!j.is_discarded() && j.is_object() && j.contains("tags") && j["tags"].is_array()) {
    for (const auto& t : j["tags"]) {
      tags.push_back(t.get<std::string>());
    }
  }
  return tags;
}

} // namespace plinth::registry
