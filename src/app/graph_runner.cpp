// SPDX-License-Identifier: Apache-2.0
#include "app/graph_runner.hpp"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

namespace plinth::app {
namespace {

enum class State { waiting, running, done };

struct Shared {
  const std::vector<int>& parents;
  std::vector<State> state;
  std::vector<NodeResult> result;
  std::mutex mutex;
  std::condition_variable changed;
  std::size_t finished = 0;

  // A waiting node whose parent is resolved; marks skipped nodes on the way.
  std::optional<int> next_ready() {
    for (std::size_t i = 0; i < parents.size(); ++i) {
      if (state[i] != State::waiting) {
        continue;
      }
      const int p = parents[i];
      if (p >= 0 && state[static_cast<std::size_t>(p)] != State::done) {
        continue;
      }
      if (p >= 0 && result[static_cast<std::size_t>(p)] != NodeResult::succeeded) {
        state[i] = State::done;
        result[i] = NodeResult::skipped;
        ++finished;
        changed.notify_all();
        continue;
      }
      return static_cast<int>(i);
    }
    return std::nullopt;
  }
};

void worker(Shared& s, const std::function<bool(int)>& work) {
  std::unique_lock lock(s.mutex);
  for (;;) {
    std::optional<int> node;
    s.changed.wait(lock, [&] {
      node = s.next_ready();
      return node.has_value() || s.finished == s.parents.size();
    });
    if (!node) {
      return;
    }
    const auto i = static_cast<std::size_t>(*node);
    s.state[i] = State::running;
    lock.unlock();
    const bool ok = work(*node);
    lock.lock();
    s.state[i] = State::done;
    s.result[i] = ok ? NodeResult::succeeded : NodeResult::failed;
    ++s.finished;
    s.changed.notify_all();
  }
}

} // namespace

std::vector<NodeResult> run_graph(const std::vector<int>& parents, int jobs,
                                  const std::function<bool(int)>& work) {
  Shared s{parents,
           std::vector<State>(parents.size(), State::waiting),
           std::vector<NodeResult>(parents.size(), NodeResult::skipped),
           {},
           {},
           0};
  const auto n = static_cast<std::size_t>(std::clamp(jobs, 1, 64));
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < std::min(n, parents.size()); ++t) {
    threads.emplace_back([&] { worker(s, work); });
  }
  for (auto& t : threads) {
    t.join();
  }
  return s.result;
}

} // namespace plinth::app
