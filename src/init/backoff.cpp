// SPDX-License-Identifier: Apache-2.0
#include "init/backoff.hpp"

#include <algorithm>

namespace plinth::init {

Millis compute_backoff(Millis initial, Millis max, int attempt, double jitter, double unit) {
  long long delay = std::max<long long>(initial.count(), 0);
  for (int i = 1; i < attempt && delay < max.count(); ++i) {
    delay *= 2;
  }
  delay = std::min(delay, static_cast<long long>(max.count()));
  const double factor = 1.0 + jitter * (2.0 * unit - 1.0);
  const auto jittered = static_cast<long long>(static_cast<double>(delay) * factor);
  return Millis(std::clamp(jittered, 0LL, static_cast<long long>(max.count())));
}

bool CrashWindow::record(long long now_ms, int limit, Millis window) {
  m_deaths.push_back(now_ms);
  while (!m_deaths.empty() && now_ms - m_deaths.front() > window.count()) {
    m_deaths.pop_front();
  }
  // Bounded memory: never keep more entries than needed to decide.
  while (m_deaths.size() > static_cast<std::size_t>(limit) + 1) {
    m_deaths.pop_front();
  }
  return static_cast<int>(m_deaths.size()) > limit;
}

double Jitter::next_unit() {
  m_state ^= m_state << 13;
  m_state ^= m_state >> 17;
  m_state ^= m_state << 5;
  return static_cast<double>(m_state % 1'000'000u) / 1'000'000.0;
}

} // namespace plinth::init
