// SPDX-License-Identifier: Apache-2.0
// The two stream formats of the Engine API:
//   - JSON-lines progress (build, push, import): StreamMessage, decoded by StreamDecoder
//     whatever the chunk boundaries;
//   - multiplexed container output (logs, exec without a TTY): 8-byte frame headers
//     [type,0,0,0,size BE] + payload, split by OutputDemuxer.
#pragma once

#include "util/result.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace plinth::engine {

// One line of the JSON progress stream of build, push, import and pull.
struct StreamMessage {
  std::string stream;       // build log text (may hold several lines, or part of one)
  std::string status;       // "Pushing", "<tag>: digest: sha256:... size: N"
  std::string id;           // layer or step id
  std::int64_t current = 0; // progressDetail
  std::int64_t total = 0;
  std::string error; // errorDetail.message or error: the operation failed
  // aux: {"ID": "sha256:..."} (build) or {"Tag","Digest","Size"} (push)
  std::string aux_id;
  std::string aux_digest;
  std::int64_t aux_size = 0;
};
using StreamSink = std::function<void(const StreamMessage&)>;

// One line of a progress stream; an Error when the line is not JSON.
Result<StreamMessage> parse_stream_message(std::string_view line);

// Turns the chunks of a progress stream into StreamMessages; remembers the first error and
// the build's image ID or the push's digest.
class StreamDecoder {
public:
  explicit StreamDecoder(const StreamSink& sink) : m_sink(sink) {}

  // Feed a chunk; complete lines are decoded and forwarded to the sink.
  void feed(std::string_view chunk);
  // Decode whatever is left without a trailing newline.
  void finish();

  const std::string& error() const { return m_error; }
  const std::string& image_id() const { return m_image_id; } // build: aux.ID
  const std::string& digest() const { return m_digest; }     // push: aux.Digest or status
  std::int64_t size() const { return m_size; }
  // Non-JSON lines seen (a protocol problem; kept for the error message).
  const std::string& garbage() const { return m_garbage; }

private:
  void line(std::string_view text);

  const StreamSink& m_sink;
  std::string m_buffer;
  std::string m_error;
  std::string m_image_id;
  std::string m_digest;
  std::int64_t m_size = 0;
  std::string m_garbage;
};

// "<tag>: digest: sha256:abc size: 1234" -> "sha256:abc" (empty when it does not match).
std::string digest_from_push_status(std::string_view status);

// Output of a container process, one chunk at a time: stream 1 = stdout, 2 = stderr.
using OutputSink = std::function<void(int stream, std::string_view chunk)>;

// Splits a multiplexed stream whatever the chunk boundaries; payloads go to the sink as
// they arrive.
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
