// SPDX-License-Identifier: Apache-2.0
#include "init/backoff.hpp"

#include <gtest/gtest.h>

namespace plinth::init {
namespace {

TEST(InitBackoff, DoublesUpToTheCap) {
  const Millis initial(1000);
  const Millis max(30000);
  EXPECT_EQ(compute_backoff(initial, max, 1, 0, 0.5), Millis(1000));
  EXPECT_EQ(compute_backoff(initial, max, 2, 0, 0.5), Millis(2000));
  EXPECT_EQ(compute_backoff(initial, max, 5, 0, 0.5), Millis(16000));
  EXPECT_EQ(compute_backoff(initial, max, 6, 0, 0.5), Millis(30000));
  EXPECT_EQ(compute_backoff(initial, max, 1000, 0, 0.5), Millis(30000));
}

TEST(InitBackoff, JitterStaysWithinBoundsAndCap) {
  const Millis initial(1000);
  const Millis max(30000);
  EXPECT_EQ(compute_backoff(initial, max, 1, 0.1, 0.0), Millis(900));
  EXPECT_EQ(compute_backoff(initial, max, 1, 0.1, 0.999), Millis(1099));
  EXPECT_LE(compute_backoff(initial, max, 10, 0.1, 0.999), max);
  Jitter j(42);
  for (int i = 0; i < 1000; ++i) {
    const double u = j.next_unit();
    EXPECT_GE(u, 0.0);
    EXPECT_LT(u, 1.0);
  }
}

TEST(InitBackoff, CrashWindowTripsAfterLimit) {
  CrashWindow w;
  const Millis window(10000);
  EXPECT_FALSE(w.record(0, 3, window));
  EXPECT_FALSE(w.record(100, 3, window));
  EXPECT_FALSE(w.record(200, 3, window));
  EXPECT_TRUE(w.record(300, 3, window));
}

TEST(InitBackoff, CrashWindowForgetsOldDeaths) {
  CrashWindow w;
  const Millis window(1000);
  EXPECT_FALSE(w.record(0, 2, window));
  EXPECT_FALSE(w.record(500, 2, window));
  EXPECT_FALSE(w.record(1600, 2, window)); // the first two are outside the window now
  EXPECT_FALSE(w.record(1700, 2, window));
  EXPECT_TRUE(w.record(1800, 2, window));
  EXPECT_LE(w.size(), 3u);
}

TEST(InitBackoff, ZeroLimitFailsOnFirstDeath) {
  CrashWindow w;
  EXPECT_TRUE(w.record(0, 0, Millis(1000)));
}

} // namespace
} // namespace plinth::init
