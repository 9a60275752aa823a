// SPDX-License-Identifier: Apache-2.0
// Pure JSON mapping for workstation containers (plinth up/down/status/logs/exec): the
// HostConfig fields of a ContainerSpec, container inspect/list answers, exec bodies, and an
// incremental demultiplexer for non-TTY output streams.
#pragma once

#include "engine/types.hpp"
#include "util/result.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace plinth::engine {

// Adds the set fields of spec.host (and WorkingDir, StopTimeout, Hostname, ExposedPorts) to
// a POST /containers/create body. Leaves `body` untouched when none is set.
void add_workstation_settings(const ContainerSpec& spec, nlohmann::json& body);

Result<ContainerInfo> parse_container_inspect(std::string_view body);
Result<std::vector<ContainerSummary>> parse_container_list(std::string_view body);
// Query string (without '?') for GET /containers/json.
std::string container_list_query(const ContainerFilter& filter);

// Body of POST /containers/{id}/exec.
std::string exec_create_body(const ExecSpec& spec);
// ExitCode from GET /exec/{id}/json; nullopt while it still runs.
Result<std::optional<std::int64_t>> parse_exec_inspect(std::string_view body);
// Query string for GET /containers/{id}/logs.
std::string logs_query(const LogOptions& options);

// Splits a multiplexed stream ([type,0,0,0,size BE] + payload) whatever the chunk
// boundaries; payloads go to the sink as they arrive (stream 1 stdout, 2 stderr).
class OutputDemuxer {
public:
  explicit OutputDemuxer(OutputSink sink) : m_sink(std::move(sink)) {}
  void feed(std::string_view chunk);

private:
  OutputSink m_sink;
  std::string m_header;     // partial 8-byte header
  std::uint32_t m_left = 0; // payload bytes still to come for the current frame
  int m_stream = 1;
};

} // namespace plinth::engine
