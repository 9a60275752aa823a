// SPDX-License-Identifier: Apache-2.0
// DockerEngine: the container calls used to read back what an image contains.
#include "engine/docker_engine.hpp"

#include "engine/json.hpp"
#include "http/message.hpp"

#include <nlohmann/json.hpp>

namespace plinth::engine {

Result<std::string> DockerEngine::create_container(const ContainerSpec& spec) {
  http::Request req;
  req.method = "POST";
  req.url = url("/containers/create" +
                (spec.name.empty() ? std::string() : "?name=" + http::url_encode(spec.name)));
  req.headers = {{"Content-Type", "application/json"}};
  req.body = create_container_body(spec);
  req.timeout_s = 120;
  auto r = expect(std::move(req));
  if (!r) {
    return fail(std::move(r.error().with_context("creating a container from " + spec.image)));
  }
  auto j = nlohmann::json::parse(r->body, nullptr, false);
  if (j.is_discarded() || !j.contains("Id") || !j["Id"].is_string()) {
    return fail(Errc::protocol, "the engine's container create answer has no Id");
  }
  return j["Id"].get<std::string>();
}

Result<void> DockerEngine::start_container(std::string_view id) {
  http::Request req;
  req.method = "POST";
  req.url = url("/containers/" + std::string(id) + "/start");
  req.timeout_s = 120;
  auto r = expect(std::move(req), {304});
  if (!r) {
    return fail(std::move(r.error()));
  }
  return {};
}

Result<WaitResult> DockerEngine::wait_container(std::string_view id) {
  http::Request req;
  req.method = "POST";
  req.url = url("/containers/" + std::string(id) + "/wait?condition=not-running");
  auto r = expect(std::move(req));
  if (!r) {
    return fail(std::move(r.error()));
  }
  return parse_wait(r->body);
}

Result<Logs> DockerEngine::container_logs(std::string_view id) {
  http::Request req;
  req.url = url("/containers/" + std::string(id) + "/logs?stdout=1&stderr=1");
  req.timeout_s = 120;
  auto r = expect(std::move(req));
  if (!r) {
    return fail(std::move(r.error()));
  }
  return demux_logs(r->body);
}

Result<void> DockerEngine::remove_container(std::string_view id, bool force) {
  http::Request req;
  req.method = "DELETE";
  req.url = url("/containers/" + std::string(id) + "?v=1" + (force ? "&force=1" : ""));
  req.timeout_s = 120;
  auto r = expect(std::move(req), {404});
  if (!r) {
    return fail(std::move(r.error()));
  }
  return {};
}

Result<RunOutput> run_to_completion(Engine& engine, const ContainerSpec& spec) {
  auto id = engine.create_container(spec);
  if (!id) {
    return fail(std::move(id.error()));
  }
  auto result = [&]() -> Result<RunOutput> {
    PLINTH_TRY(engine.start_container(*id));
    auto waited = engine.wait_container(*id);
    if (!waited) {
      return fail(std::move(waited.error()));
    }
    auto logs = engine.container_logs(*id);
    if (!logs) {
      return fail(std::move(logs.error()));
    }
    return RunOutput{waited->status_code, std::move(logs->out), std::move(logs->err)};
  }();
  (void)engine.remove_container(*id, true);
  return result;
}

} // namespace plinth::engine
