// SPDX-License-Identifier: Apache-2.0
#include "engine_api/stream.hpp"

#include "util/json_fields.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace plinth::engine {

namespace jf = json_fields;

Result<StreamMessage> parse_stream_message(std::string_view line) {
  auto j = jf::parse(line, "a progress stream line");
  PLINTH_TRY(j);
  StreamMessage m;
  m.stream = jf::string(*j, "stream");
  m.status = jf::string(*j, "status");
  m.id = jf::string(*j, "id");
  if (auto it = j->find("progressDetail"); it != j->end() && it->is_object()) {
    m.current = jf::integer(*it, "current");
    m.total = jf::integer(*it, "total");
  }
  if (auto it = j->find("errorDetail"); it != j->end() && it->is_object()) {
    m.error = jf::string(*it, "message");
  }
  if (m.error.empty()) {
    m.error = jf::string(*j, "error");
  }
  if (auto it = j->find("aux"); it != j->end() && it->is_object()) {
    m.aux_id = jf::string(*it, "ID");
    m.aux_digest = jf::string(*it, "Digest");
    m.aux_size = jf::integer(*it, "Size");
  }
  return m;
}

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
  if (!msg->aux_id.empty()) {
    m_image_id = msg->aux_id;
  }
  if (!msg->aux_digest.empty()) {
    m_digest = msg->aux_digest;
  }
  if (msg->aux_size != 0) {
    m_size = msg->aux_size;
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

void OutputDemuxer::feed(std::string_view chunk) {
  while (!chunk.empty()) {
    if (m_left == 0) {
      const auto need = 8 - m_header.size();
      const auto n = std::min(need, chunk.size());
      m_header.append(chunk.substr(0, n));
      chunk.remove_prefix(n);
      if (m_header.size() < 8) {
        return;
      }
      const auto b = [&](int i) {
        return static_cast<std::uint32_t>(static_cast<unsigned char>(m_header[i]));
      };
      m_stream = b(0) == 2 ? 2 : 1;
      m_left = (b(4) << 24) | (b(5) << 16) | (b(6) << 8) | b(7);
      m_header.clear();
      continue;
    }
    const auto n = std::min<std::size_t>(m_left, chunk.size());
    if (m_sink) {
      m_sink(m_stream, chunk.substr(0, n));
    }
    m_left -= static_cast<std::uint32_t>(n);
    chunk.remove_prefix(n);
  }
}

} // namespace plinth::engine
