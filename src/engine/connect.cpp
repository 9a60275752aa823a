// SPDX-License-Identifier: Apache-2.0
// engine::connect and the translation of low-level failures into advice.
#include "engine/docker_engine.hpp"

#include "http/curl_transport.hpp"
#include "http/logging_transport.hpp"

#include <cstdlib>
#include <sys/stat.h>
#include <unistd.h>

namespace plinth::engine {
namespace {

constexpr const char* k_start_hint = "start it with `sudo systemctl start docker` (or `sudo "
                                     "dockerd &`; scripts/start-services.sh does this "
                                     "for development machines)";

// Owns the curl transport and an optional logging decorator in front of it.
class OwnedTransport final : public http::Transport {
public:
  OwnedTransport(http::CurlOptions options, http::LogFn log)
      : m_curl(std::move(options)), m_logging(m_curl, std::move(log)),
        m_log(static_cast<bool>(log)) {}
  Result<http::Response> send(const http::Request& request) override {
    return m_log ? m_logging.send(request) : m_curl.send(request);
  }

private:
  http::CurlTransport m_curl;
  http::LoggingTransport m_logging;
  bool m_log;
};

} // namespace

Error explain_connect_failure(const Endpoint& endpoint, const Error& error) {
  if (endpoint.unix_socket.empty()) {
    if (error.code == Errc::unavailable) {
      return Error(Errc::unavailable,
                   "cannot reach the Docker engine at " + endpoint.display + " (" + error.message +
                       "): is it running and listening there? Check DOCKER_HOST");
    }
    return Error(error.code,
                 "talking to the Docker engine at " + endpoint.display + ": " + error.message);
  }
  const auto& path = endpoint.unix_socket;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    return Error(Errc::unavailable,
                 "the Docker engine is not running: " + path + " does not exist; " + k_start_hint);
  }
  if (error.code == Errc::unauthorized || ::access(path.c_str(), R_OK | W_OK) != 0) {
    return Error(Errc::unauthorized,
                 "permission denied on " + path +
                     ": add your user to the 'docker' group (`sudo usermod -aG docker $USER`, "
                     "then log in again) or run as root");
  }
  if (error.code == Errc::unavailable) {
    return Error(Errc::unavailable, "the Docker engine is not running: nothing answers on " + path +
                                        " (" + error.message + "); " + k_start_hint);
  }
  return Error(error.code,
               "talking to the Docker engine at " + endpoint.display + ": " + error.message);
}

Error engine_http_error(long status, std::string_view body, std::string_view what) {
  const auto message = error_message(body);
  Errc code = Errc::protocol;
  if (status == 404) {
    code = Errc::not_found;
  } else if (status == 409) {
    code = Errc::conflict;
  } else if (status == 401 || status == 403) {
    code = Errc::unauthorized;
  } else if (status == 400) {
    code = Errc::invalid_input;
  } else if (status >= 500) {
    code = Errc::unavailable;
  }
  std::string text = message.empty() ? "HTTP " + std::to_string(status) : message;
  if (status == 400 && message.find("too old") != std::string::npos) {
    code = Errc::unavailable;
    text += " (the engine refuses this API version; Plinth negotiates from /_ping, so this "
            "daemon's minimum is above "
            "what it advertises)";
  }
  return Error(code, text).with_context(std::string(what));
}

Result<std::unique_ptr<DockerEngine>> connect(const ConnectOptions& options) {
  std::string host = options.host;
  if (host.empty()) {
    if (const char* env = std::getenv("DOCKER_HOST"); env != nullptr) {
      host = env;
    }
  }
  PLINTH_TRY_ASSIGN(auto endpoint, parse_docker_host(host));
  http::CurlOptions curl;
  curl.unix_socket = endpoint.unix_socket;
  auto transport = std::make_shared<OwnedTransport>(std::move(curl), options.log);
  PLINTH_TRY_ASSIGN(auto ping, DockerEngine::raw_ping(*transport, endpoint));
  auto api = negotiate_api_version(ping.api_version);
  if (!api) {
    return fail(std::move(
        api.error().with_context("connecting to the Docker engine at " + endpoint.display)));
  }
  return std::make_unique<DockerEngine>(std::move(transport), endpoint, *api);
}

} // namespace plinth::engine
