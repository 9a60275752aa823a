// SPDX-License-Identifier: Apache-2.0
#include "init/line_buffer.hpp"

namespace plinth::init {

void LineBuffer::feed(std::string_view data, const std::function<void(std::string_view)>& emit) {
  while (!data.empty()) {
    const auto nl = data.find('\n');
    const auto chunk = data.substr(0, nl);
    const std::size_t room = m_max_line - m_partial.size();
    if (chunk.size() > room) {
      // Cap reached before a newline: emit a full piece and continue with the rest.
      m_partial.append(chunk.substr(0, room));
      emit(m_partial);
      m_partial.clear();
      data.remove_prefix(room);
      continue;
    }
    if (nl == std::string_view::npos) {
      m_partial.append(chunk);
      return;
    }
    if (m_partial.empty()) {
      emit(chunk);
    } else {
      m_partial.append(chunk);
      emit(m_partial);
      m_partial.clear();
    }
    data.remove_prefix(nl + 1);
  }
}

void LineBuffer::flush(const std::function<void(std::string_view)>& emit) {
  if (!m_partial.empty()) {
    emit(m_partial);
    m_partial.clear();
    // Give back memory a long line may have grown.
    m_partial.shrink_to_fit();
  }
}

std::string prefix_line(std::string_view name, std::string_view line) {
  std::string out;
  out.reserve(name.size() + line.size() + 4);
  out += '[';
  out += name;
  out += "] ";
  out += line;
  out += '\n';
  return out;
}

} // namespace plinth::init
