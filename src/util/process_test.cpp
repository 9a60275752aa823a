// SPDX-License-Identifier: Apache-2.0
#include "util/process.hpp"

#include <gtest/gtest.h>

namespace plinth {
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
  auto r = run_process({"plinth-no-such-program-xyz"}, LineFn{});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::not_found);
}

TEST(Process, ChildThatIgnoresStdinDoesNotKillUs) {
  auto r = run_process({"true"}, LineFn{}, std::string(1 << 20, 'y'));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->exit_code, 0);
}

// The doctor's probes: raw output kept, a deadline, an absolute path that does not exist.
TEST(Process, KeepsRawOutputAndKillsAtTheDeadline) {
  ProcessOptions keep;
  keep.timeout = std::chrono::seconds(5);
  keep.keep_output = 1U << 20;
  auto out =
      run_process({"/bin/sh", "-c", "echo hello; echo err >&2; printf 'x\\r\\n'; exit 3"}, keep);
  ASSERT_TRUE(out) << out.error().message;
  EXPECT_EQ(out->exit_code, 3);
  EXPECT_FALSE(out->timed_out);
  EXPECT_EQ(out->output, "hello\nerr\nx\r\n");
  EXPECT_EQ(out->tail, "hello\nerr\nx\n");
  ProcessOptions quick;
  quick.timeout = std::chrono::milliseconds(200);
  const auto start = std::chrono::steady_clock::now();
  auto slow = run_process({"/bin/sh", "-c", "sleep 5"}, quick);
  ASSERT_TRUE(slow);
  EXPECT_EQ(slow->exit_code, 124);
  EXPECT_TRUE(slow->timed_out);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(4));
  EXPECT_FALSE(run_process({"/nonexistent/program"}, quick));
}

TEST(Process, StdinIsEmptyWithoutText) {
  ProcessOptions o;
  o.keep_output = 100;
  auto r = run_process({"wc", "-c"}, o);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->output, "0\n");
}

} // namespace
} // namespace plinth
