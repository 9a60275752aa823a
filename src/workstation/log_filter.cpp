// SPDX-License-Identifier: Apache-2.0
#include "workstation/log_filter.hpp"

#include <deque>

namespace plinth::workstation {

LineFilter::LineFilter(std::string service, bool strip_prefix,
                       std::function<void(std::string_view)> sink)
    : m_prefix(service.empty() ? std::string() : "[" + service + "] "), m_strip(strip_prefix),
      m_sink(std::move(sink)) {}

void LineFilter::feed(std::string_view chunk) {
  while (!chunk.empty()) {
    const auto nl = chunk.find('\n');
    if (nl == std::string_view::npos) {
      m_partial.append(chunk);
      return;
    }
    m_partial.append(chunk.substr(0, nl + 1));
    chunk.remove_prefix(nl + 1);
    line(m_partial);
    m_partial.clear();
  }
}

void LineFilter::finish() {
  if (!m_partial.empty()) {
    m_partial += '\n';
    line(m_partial);
    m_partial.clear();
  }
}

void LineFilter::line(std::string_view text) {
  if (m_prefix.empty()) {
    m_sink(text);
    return;
  }
  if (text.rfind(m_prefix, 0) != 0) {
    return;
  }
  m_sink(m_strip ? text.substr(m_prefix.size()) : text);
}

std::vector<std::string> last_service_lines(std::string_view text, std::string_view service,
                                            std::size_t n) {
  std::deque<std::string> kept;
  LineFilter filter(std::string(service), true, [&](std::string_view line) {
    std::string l(line);
    if (!l.empty() && l.back() == '\n') {
      l.pop_back();
    }
    kept.push_back(std::move(l));
    if (kept.size() > n) {
      kept.pop_front();
    }
  });
  filter.feed(text);
  filter.finish();
  return {kept.begin(), kept.end()};
}

} // namespace plinth::workstation
