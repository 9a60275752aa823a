// SPDX-License-Identifier: Apache-2.0
// The workstation calls (plinth up/down/status/logs/exec): stop, inspect and list
// containers, exec, streamed logs. Engine's defaults refuse, DockerEngine implements them.
#include "engine/docker_engine.hpp"

#include "engine/workstation_json.hpp"
#include "http/message.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <thread>

namespace plinth::engine {
namespace {

Unexpected unsupported(std::string_view what) {
  return fail(Errc::internal, "this engine does not support " + std::string(what));
}

} // namespace

Result<void> Engine::stop_container(std::string_view, int) {
  return unsupported("stopping containers");
}
Result<std::optional<ContainerInfo>> Engine::inspect_container(std::string_view) {
  return unsupported("inspecting containers");
}
Result<std::vector<ContainerSummary>> Engine::list_containers(const ContainerFilter&) {
  return unsupported("listing containers");
}
Result<ExecResult> Engine::exec(std::string_view, const ExecSpec&) {
  return unsupported("exec");
}
Result<void> Engine::stream_logs(std::string_view, const LogOptions&, const OutputSink&) {
  return unsupported("streaming logs");
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
  http::Request req;
  req.url = url("/containers/" + http::url_encode(id_or_name) + "/json");
  req.timeout_s = 60;
  auto r = expect(std::move(req), {404});
  if (!r) {
    return fail(std::move(r.error()));
  }
  if (r->status == 404) {
    return std::optional<ContainerInfo>{};
  }
  auto info = parse_container_inspect(r->body);
  if (!info) {
    return fail(std::move(info.error()));
  }
  return std::optional<ContainerInfo>(std::move(*info));
}

Result<std::vector<ContainerSummary>> DockerEngine::list_containers(const ContainerFilter& filter) {
  http::Request req;
  req.url = url("/containers/json?" + container_list_query(filter));
  req.timeout_s = 60;
  auto r = expect(std::move(req));
  if (!r) {
    return fail(std::move(r.error()));
  }
  return parse_container_list(r->body);
}

Result<ExecResult> DockerEngine::exec(std::string_view id, const ExecSpec& spec) {
  http::Request create;
  create.method = "POST";
  create.url = url("/containers/" + http::url_encode(id) + "/exec");
  create.headers = {{"Content-Type", "application/json"}};
  create.body = exec_create_body(spec);
  create.timeout_s = 60;
  auto created = expect(std::move(create));
  if (!created) {
    return fail(std::move(created.error().with_context("exec in container " + std::string(id))));
  }
  auto j = nlohmann::json::parse(created->body, nullptr, false);
  if (j.is_discarded() || !j.contains("Id") || !j["Id"].is_string()) {
    return fail(Errc::protocol, "the engine's exec create answer has no Id");
  }
  const auto exec_id = j["Id"].get<std::string>();

  ExecResult result;
  OutputDemuxer demux(spec.sink ? spec.sink
                                : OutputSink([&result](int stream, std::string_view chunk) {
                                    (stream == 2 ? result.err : result.out).append(chunk);
                                  }));
  http::Request start;
  start.method = "POST";
  start.url = url("/exec/" + exec_id + "/start");
  start.headers = {{"Content-Type", "application/json"}};
  start.body = R"({"Detach":false,"Tty":false})";
  start.timeout_s = spec.timeout_s;
  start.on_body = [&demux](std::string_view chunk) {
    demux.feed(chunk);
    return true;
  };
  PLINTH_TRY(expect(std::move(start)));

  for (int attempt = 0; attempt < 50; ++attempt) {
    http::Request inspect;
    inspect.url = url("/exec/" + exec_id + "/json");
    inspect.timeout_s = 30;
    auto r = expect(std::move(inspect));
    if (!r) {
      return fail(std::move(r.error()));
    }
    auto code = parse_exec_inspect(r->body);
    if (!code) {
      return fail(std::move(code.error()));
    }
    if (code->has_value()) {
      result.exit_code = **code;
      return result;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return fail(Errc::protocol,
              "the engine kept reporting the exec as running after its output ended");
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
