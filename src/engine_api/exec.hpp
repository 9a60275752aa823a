// SPDX-License-Identifier: Apache-2.0
// Docker Engine API, exec resource: POST /containers/{id}/exec, /exec/{id}/start and
// GET /exec/{id}/json, without a TTY.
#pragma once

#include "engine_api/stream.hpp"
#include "util/result.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plinth::engine {

struct ExecSpec {
  std::vector<std::string> cmd;
  std::string user; // "uid:gid"; empty: the container's
  std::vector<std::string> env;
  std::string working_dir;
  OutputSink sink;    // live output; empty: collected in ExecResult
  long timeout_s = 0; // 0: no limit
};

struct ExecResult {
  std::int64_t exit_code = 0;
  std::string out; // empty when a sink was given
  std::string err;
};

// Body of POST /containers/{id}/exec.
std::string exec_create_body(const ExecSpec& spec);
// ExitCode from GET /exec/{id}/json; nullopt while it still runs.
Result<std::optional<std::int64_t>> parse_exec_inspect(std::string_view body);

} // namespace plinth::engine
