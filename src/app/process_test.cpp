// SPDX-License-Identifier: Apache-2.0
#include "app/process.hpp"

#include <gtest/gtest.h>

namespace plinth::app {
namespace {

TEST(Process, StreamsLinesAndFeedsLargeStdin) {
  const std::string input(1 << 20, 'x'); // larger than a pipe buffer
  std::vector<std::string> lines;
  auto r = run_process(
      {"sh", "-c", "echo start; wc -c; echo end >&2; exit 3"},
      [&](std::string_view l) { lines.emplace_back(l); }, input);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->exit_code, 3);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "start");
  EXPECT_EQ(lines[1], "1048576");
  EXPECT_EQ(lines[2], "end");
  EXPECT_EQ(r->tail, "start\n1048576\nend\n");
}

TEST(Process, MissingProgramIsNotFound) {
  auto r = run_process({"plinth-no-such-program-xyz"}, {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::not_found);
}

TEST(Process, ChildThatIgnoresStdinDoesNotKillUs) {
  auto r = run_process({"true"}, {}, std::string(1 << 20, 'y'));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->exit_code, 0);
}

} // namespace
} // namespace plinth::app
