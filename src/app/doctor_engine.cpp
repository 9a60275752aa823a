// SPDX-License-Identifier: Apache-2.0
// The doctor's engine section through the engine client (src/engine), and image labels.
#include "app/doctor.hpp"

#include "doctor/engine_capture.hpp"
#include "doctor/engine_facts.hpp"
#include "doctor/rooted_host.hpp"
#include "engine/docker_engine.hpp"
#include "http/fake_transport.hpp"

#include <cstdlib>
#include <sys/stat.h>
#include <unistd.h>

namespace plinth::app {
namespace {

using doctor::EngineReach;

// Which of the ways to be unreachable this is. The client's messages already say it in
// words; the doctor needs the kind, so look at the socket itself.
EngineReach classify(const engine::Endpoint& endpoint, const Error& error) {
  const auto& msg = error.message;
  if (msg.find("too old") != std::string::npos || msg.find("older than") != std::string::npos) {
    return EngineReach::error;
  }
  if (error.code == Errc::unauthorized) {
    return EngineReach::permission_denied;
  }
  if (!endpoint.unix_socket.empty()) {
    struct stat st {};
    if (::stat(endpoint.unix_socket.c_str(), &st) != 0) {
      return EngineReach::socket_missing;
    }
    if (::access(endpoint.unix_socket.c_str(), R_OK | W_OK) != 0) {
      return EngineReach::permission_denied;
    }
  }
  return error.code == Errc::unavailable || error.code == Errc::timeout ? EngineReach::not_answering
                                                                        : EngineReach::error;
}

std::string host_setting(const DoctorOptions& options) {
  if (!options.docker_host.empty()) {
    return options.docker_host;
  }
  const char* env = std::getenv("DOCKER_HOST");
  return env != nullptr ? env : "";
}

} // namespace

doctor::EngineFacts engine_facts(engine::System& e) {
  doctor::EngineFacts facts;
  facts.reach = EngineReach::ok;
  facts.endpoint = e.endpoint();
  if (auto v = e.version()) {
    doctor::apply_version(*v, facts);
  }
  if (auto ping = e.ping()) {
    doctor::apply_ping(*ping, facts);
  }
  auto info = e.info();
  if (!info) {
    facts.error = info.error().describe();
    return facts;
  }
  doctor::apply_info(*info, facts);
  return facts;
}

doctor::EngineFacts replay_engine_capture(const doctor::EngineCapture& capture) {
  constexpr const char* k_captured_endpoint = "unix:///var/run/docker.sock";
  if (capture.reach != EngineReach::ok) {
    doctor::EngineFacts facts;
    facts.reach = capture.reach;
    facts.endpoint = k_captured_endpoint;
    facts.error = capture.error;
    return facts;
  }
  // The same requests a live run sends, answered from the capture (a missing file answers
  // 404, as a daemon without that endpoint would).
  auto transport = std::make_shared<http::FakeTransport>();
  const auto answer = [&](const std::optional<std::string>& body) {
    transport->push(body ? 200 : 404, body.value_or(R"({"message":"not captured"})"));
  };
  answer(capture.version_json);
  http::Headers headers(capture.ping_headers.begin(), capture.ping_headers.end());
  transport->push(200, "OK", std::move(headers));
  answer(capture.info_json);
  engine::DockerEngine client(transport, engine::parse_docker_host("").value(), "1.41");
  auto facts = engine_facts(client);
  facts.endpoint = k_captured_endpoint;
  if (facts.error.empty()) {
    facts.error = capture.error;
  }
  return facts;
}

doctor::EngineFacts probe_engine(const DoctorOptions& options,
                                 std::unique_ptr<engine::DockerEngine>& connected) {
  connected.reset();
  if (options.root != "/" && std::filesystem::exists(options.root / doctor::k_capture_dir)) {
    // A fixture root: its captured replies, or no engine section at all.
    const auto host = doctor::RootedHost::fixture(options.root);
    const auto capture = doctor::load_engine_capture(host);
    return capture ? replay_engine_capture(*capture) : doctor::EngineFacts{};
  }
  doctor::EngineFacts facts;
  const auto setting = host_setting(options);
  auto endpoint = engine::parse_docker_host(setting);
  facts.endpoint = endpoint ? endpoint->display : setting;
  if (!endpoint) {
    facts.reach = EngineReach::error;
    facts.error = endpoint.error().message;
    return facts;
  }
  if (!endpoint->unix_socket.empty()) {
    facts.endpoint = "unix://" + endpoint->unix_socket;
  }
  engine::ConnectOptions connect_options;
  connect_options.host = setting;
  auto e = engine::connect(connect_options);
  if (!e) {
    facts.reach = classify(*endpoint, e.error());
    facts.error = e.error().describe();
    return facts;
  }
  connected = std::move(*e);
  auto out = engine_facts(*connected);
  out.endpoint = facts.endpoint;
  return out;
}

Result<doctor::ImageRequirement>
image_requirement(engine::Images& engine, const std::string& reference, const compat::Db& db) {
  PLINTH_TRY_ASSIGN(auto inspected, engine.inspect_image(reference));
  if (!inspected.has_value()) {
    return fail(Errc::not_found, "image " + reference +
                                     " is not in the engine's image store: pull or build it "
                                     "first (`docker pull " +
                                     reference + "`)");
  }
  const auto& info = *inspected;
  return doctor::requirement_from_config(reference, info.labels, info.env, db);
}

} // namespace plinth::app
