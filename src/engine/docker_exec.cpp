// SPDX-License-Identifier: Apache-2.0
// DockerEngine, exec resource: create, start (output demultiplexed as it arrives), then
// inspect until the exit code is known.
#include "engine/docker_engine.hpp"

#include "http/message.hpp"

#include <chrono>
#include <thread>

namespace plinth::engine {

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
  auto exec_id = parse_id_answer(created->body, "exec create");
  PLINTH_TRY(exec_id);

  ExecResult result;
  OutputDemuxer demux(spec.sink ? spec.sink
                                : OutputSink([&result](int stream, std::string_view chunk) {
                                    (stream == 2 ? result.err : result.out).append(chunk);
                                  }));
  http::Request start;
  start.method = "POST";
  start.url = url("/exec/" + *exec_id + "/start");
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
    inspect.url = url("/exec/" + *exec_id + "/json");
    inspect.timeout_s = 30;
    PLINTH_TRY_ASSIGN(auto r, expect(std::move(inspect)));
    PLINTH_TRY_ASSIGN(auto code, parse_exec_inspect(r.body));
    if (code.has_value()) {
      result.exit_code = *code;
      return result;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return fail(Errc::protocol,
              "the engine kept reporting the exec as running after its output ended");
}

} // namespace plinth::engine
