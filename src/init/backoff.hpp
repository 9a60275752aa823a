// SPDX-License-Identifier: Apache-2.0
// Restart pacing: exponential backoff with a cap and jitter, and the crash-loop breaker.
// Pure functions of time so they are unit-tested without processes.
#pragma once

#include <chrono>
#include <deque>

namespace plinth::init {

using Millis = std::chrono::milliseconds;

// Delay before restart number `attempt` (1-based): initial * 2^(attempt-1), capped at max,
// then scaled by (1 + jitter * (2*unit - 1)) with unit in [0, 1), and capped at max again.
Millis compute_backoff(Millis initial, Millis max, int attempt, double jitter, double unit);

// Remembers death times and says whether the service exceeded `limit` deaths in `window`.
class CrashWindow {
public:
  // Records a death at `now` (ms on a monotonic clock); true when the limit is exceeded.
  bool record(long long now_ms, int limit, Millis window);
  void clear() { m_deaths.clear(); }
  std::size_t size() const { return m_deaths.size(); }

private:
  std::deque<long long> m_deaths;
};

// Small deterministic PRNG (xorshift) for jitter; seedable for tests.
class Jitter {
public:
  explicit Jitter(unsigned seed) : m_state(seed == 0 ? 0x9E3779B9u : seed) {}
  double next_unit(); // [0, 1)

private:
  unsigned m_state;
};

} // namespace plinth::init
