// SPDX-License-Identifier: Apache-2.0
// Turns the chunks of a JSON-lines progress stream into StreamMessages, whatever the
// chunk boundaries; remembers the first error and the build's image ID.
#pragma once

#include "engine/types.hpp"

#include <string>
#include <string_view>

namespace plinth::engine {

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

} // namespace plinth::engine
