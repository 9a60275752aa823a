// SPDX-License-Identifier: Apache-2.0
#include "app/graph_runner.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

namespace plinth::app {
namespace {

TEST(GraphRunner, ParentsRunBeforeChildrenAndFailuresSkipDescendants) {
  // 0 <- 1 <- 2 ; 0 <- 3 ; 4 (independent)
  const std::vector<int> parents = {-1, 0, 1, 0, -1};
  std::mutex m;
  std::vector<int> order;
  auto r = run_graph(parents, 3, [&](int i) {
    std::lock_guard lock(m);
    order.push_back(i);
    return i != 1;
  });
  EXPECT_EQ(r[0], NodeResult::succeeded);
  EXPECT_EQ(r[1], NodeResult::failed);
  EXPECT_EQ(r[2], NodeResult::skipped);
  EXPECT_EQ(r[3], NodeResult::succeeded);
  EXPECT_EQ(r[4], NodeResult::succeeded);
  const auto pos = [&](int i) { return std::find(order.begin(), order.end(), i) - order.begin(); };
  EXPECT_LT(pos(0), pos(1));
  EXPECT_LT(pos(0), pos(3));
  EXPECT_EQ(std::find(order.begin(), order.end(), 2), order.end());
}

TEST(GraphRunner, NeverRunsMoreThanJobsAtOnce) {
  const std::vector<int> parents(8, -1);
  std::atomic<int> running{0};
  std::atomic<int> peak{0};
  run_graph(parents, 2, [&](int) {
    const int now = ++running;
    peak = std::max(peak.load(), now);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    --running;
    return true;
  });
  EXPECT_LE(peak.load(), 2);
}

} // namespace
} // namespace plinth::app
