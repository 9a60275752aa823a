// SPDX-License-Identifier: Apache-2.0
// The doctor's engine section through the engine client (src/engine), and image labels.
#include "app/doctor.hpp"

#include "doctor/engine_capture.hpp"
#include "doctor/engine_parse.hpp"
#include "doctor/rooted_host.hpp"
#include "engine/docker_host.hpp"

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

doctor::EngineFacts engine_facts(engine::Engine& e) {
  doctor::EngineFacts facts;
  facts.reach = EngineReach::ok;
  facts.endpoint = e.endpoint();
  if (auto ping = e.ping()) {
    facts.api_version = ping->api_version;
    facts.builder_version = ping->builder_version;
  }
  if (auto v = e.version()) {
    facts.server_version = v->version;
    facts.api_version = v->api_version.empty() ? facts.api_version : v->api_version;
    facts.min_api_version = v->min_api_version;
    facts.os = v->os;
    facts.arch = v->arch;
    facts.kernel_version = v->kernel_version;
  }
  auto info = e.info();
  if (!info) {
    facts.error = info.error().describe();
    return facts;
  }
  // The raw document carries what engine::Info does not (CDISpecDirs, Warnings, ...).
  if (!info->raw.is_null()) {
    if (auto ok = doctor::parse_engine_info(info->raw.dump(), facts); !ok) {
      facts.error = ok.error().message;
    }
  }
  return facts;
}

doctor::EngineFacts probe_engine(const DoctorOptions& options, engine::Engine** connected,
                                 std::unique_ptr<engine::Engine>& owner) {
  *connected = nullptr;
  if (options.root != "/" && std::filesystem::exists(options.root / doctor::k_capture_dir)) {
    // A fixture root: its captured replies, or no engine section at all.
    const auto host = doctor::RootedHost::fixture(options.root);
    return doctor::load_engine_capture(host).value_or(doctor::EngineFacts{});
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
  owner = std::move(*e);
  *connected = owner.get();
  auto out = engine_facts(*owner);
  out.endpoint = facts.endpoint;
  return out;
}

Result<doctor::ImageRequirement>
image_requirement(engine::Engine& engine, const std::string& reference, const compat::Db& db) {
  auto inspected = engine.inspect_image(reference);
  if (!inspected) {
    return fail(std::move(inspected.error()));
  }
  if (!inspected->has_value()) {
    return fail(Errc::not_found, "image " + reference +
                                     " is not in the engine's image store: pull or build it "
                                     "first (`docker pull " +
                                     reference + "`)");
  }
  const auto& info = **inspected;
  return doctor::requirement_from_config(reference, info.labels, info.env, db);
}

} // namespace plinth::app
