// SPDX-License-Identifier: Apache-2.0
#include "engine/stream.hpp"

#include "engine/json.hpp"

namespace plinth::engine {

void StreamDecoder::feed(std::string_view chunk) {
  m_buffer.append(chunk);
  std::size_t start = 0;
  for (auto nl = m_buffer.find('\n', start); nl != std::string::npos;
       nl = m_buffer.find('\n', start)) {
    line(std::string_view(m_buffer).substr(start, nl - start));
    start = nl + 1;
  }
  m_buffer.erase(0, start);
}

void StreamDecoder::finish() {
  if (!m_buffer.empty()) {
    line(m_buffer);
    m_buffer.clear();
  }
}

void StreamDecoder::line(std::string_view text) {
  while (!text.empty() && (text.back() == '\r' || text.back() == ' ')) {
    text.remove_suffix(1);
  }
  if (text.empty()) {
    return;
  }
  auto msg = parse_stream_message(text);
  if (!msg) {
    if (m_garbage.size() < 4096) {
      m_garbage.append(text).append("\n");
    }
    return;
  }
  if (!msg->error.empty() && m_error.empty()) {
    m_error = msg->error;
  }
  if (msg->aux.is_object()) {
    if (auto it = msg->aux.find("ID"); it != msg->aux.end() && it->is_string()) {
      m_image_id = it->get<std::string>();
    }
    if (auto it = msg->aux.find("Digest"); it != msg->aux.end() && it->is_string()) {
      m_digest = it->get<std::string>();
    }
    if (auto it = msg->aux.find("Size"); it != msg->aux.end() && it->is_number()) {
      m_size = it->get<std::int64_t>();
    }
  }
  if (m_digest.empty()) {
    m_digest = digest_from_push_status(msg->status);
  }
  if (m_sink) {
    m_sink(*msg);
  }
}

std::string digest_from_push_status(std::string_view status) {
  constexpr std::string_view k_marker = "digest: ";
  const auto at = status.find(k_marker);
  if (at == std::string_view::npos) {
    return {};
  }
  auto rest = status.substr(at + k_marker.size());
  const auto end = rest.find(' ');
  rest = rest.substr(0, end);
  if (rest.rfind("sha256:", 0) != 0) {
    return {};
  }
  return std::string(rest);
}

} // namespace plinth::engine
