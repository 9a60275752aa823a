// SPDX-License-Identifier: Apache-2.0
// DockerEngine, containers resource.
#include "engine/docker_engine.hpp"

#include "http/message.hpp"

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
  return parse_id_answer(r->body, "container create");
}

Result<void> DockerEngine::start_container(std::string_view id) {
  http::Request req;
  req.method = "POST";
  req.url = url("/containers/" + std::string(id) + "/start");
  req.timeout_s = 120;
  PLINTH_TRY(expect(std::move(req), {304}));
  return {};
}

Result<WaitResult> DockerEngine::wait_container(std::string_view id) {
  http::Request req;
  req.method = "POST";
  req.url = url("/containers/" + std::string(id) + "/wait?condition=not-running");
  PLINTH_TRY_ASSIGN(auto r, expect(std::move(req)));
  return parse_wait(r.body);
}

Result<Logs> DockerEngine::container_logs(std::string_view id) {
  http::Request req;
  req.url = url("/containers/" + std::string(id) + "/logs?stdout=1&stderr=1");
  req.timeout_s = 120;
  PLINTH_TRY_ASSIGN(auto r, expect(std::move(req)));
  Logs logs;
  OutputDemuxer demux([&logs](int stream, std::string_view chunk) {
    (stream == 2 ? logs.err : logs.out).append(chunk);
  });
  demux.feed(r.body);
  return logs;
}

Result<void> DockerEngine::remove_container(std::string_view id, bool force) {
  http::Request req;
  req.method = "DELETE";
  req.url = url("/containers/" + std::string(id) + "?v=1" + (force ? "&force=1" : ""));
  req.timeout_s = 120;
  PLINTH_TRY(expect(std::move(req), {404}));
  return {};
}

Result<void> DockerEngine::stop_container(std::string_view id, int timeout_s) {
  http::Request req;
  req.method = "POST";
  req.url = url("/containers/" + http::url_encode(id) + "/stop?t=" + std::to_string(timeout_s));
  req.timeout_s = timeout_s + 60; // the engine answers after the container is gone
  auto r = expect(std::move(req), {304});
  if (!r) {
    return fail(std::move(r.error().with_context("stopping container " + std::string(id))));
  }
  return {};
}

Result<std::optional<ContainerInfo>> DockerEngine::inspect_container(std::string_view id_or_name) {
  return inspect("/containers/" + http::url_encode(id_or_name) + "/json", parse_container_inspect);
}

Result<std::vector<ContainerSummary>> DockerEngine::list_containers(const ContainerFilter& filter) {
  return get("/containers/json?" + container_list_query(filter), parse_container_list);
}

Result<void> DockerEngine::stream_logs(std::string_view id, const LogOptions& options,
                                       const OutputSink& sink) {
  OutputDemuxer demux(sink);
  http::Request req;
  req.url = url("/containers/" + http::url_encode(id) + "/logs?" + logs_query(options));
  req.timeout_s = options.follow ? 0 : 120;
  req.on_body = [&demux](std::string_view chunk) {
    demux.feed(chunk);
    return true;
  };
  auto r = expect(std::move(req));
  if (!r) {
    return fail(std::move(r.error().with_context("reading the logs of " + std::string(id))));
  }
  return {};
}

} // namespace plinth::engine
