// SPDX-License-Identifier: Apache-2.0
#include "dockerfile/parser.hpp"

#include <gtest/gtest.h>

namespace plinth::dockerfile {
namespace {

TEST(Heredoc, Basic) {
  const auto r = parse("FROM x\nRUN <<EOF\necho $HOME\nEOF\nUSER 1\n");
  ASSERT_FALSE(r.diagnostics.has_errors());
  ASSERT_EQ(r.dockerfile.instructions.size(), 3u);
  const auto& run = r.dockerfile.instructions[1];
  ASSERT_EQ(run.heredocs.size(), 1u);
  EXPECT_EQ(run.heredocs[0].name, "EOF");
  EXPECT_EQ(run.heredocs[0].body, "echo $HOME\n");
  EXPECT_TRUE(run.heredocs[0].expand);
  EXPECT_EQ(run.heredocs[0].pos, (Pos{2, 5}));
  EXPECT_EQ(run.heredocs[0].body_line, 3);
  EXPECT_EQ(run.end_line, 4);
  EXPECT_EQ(r.dockerfile.instructions[2].pos, (Pos{5, 1}));
}

TEST(Heredoc, ChompQuotedAndSeveral) {
  const auto r = parse("FROM x\nCOPY <<-\"A\" <<B /dest/\n\tone\n\tA\ntwo\nB\n");
  ASSERT_FALSE(r.diagnostics.has_errors());
  const auto& copy = r.dockerfile.instructions[1];
  ASSERT_EQ(copy.heredocs.size(), 2u);
  EXPECT_TRUE(copy.heredocs[0].chomp);
  EXPECT_FALSE(copy.heredocs[0].expand);
  EXPECT_EQ(copy.heredocs[0].name, "A");
  EXPECT_EQ(copy.heredocs[0].body, "one\n");
  EXPECT_EQ(copy.heredocs[1].body, "two\n");
  EXPECT_EQ(copy.end_line, 6);
}

TEST(Heredoc, AfterContinuationWithFdAndSpace) {
  const auto r =
      parse("FROM x\nRUN foo \\\n && bar 3<< EOF >> x \\\n && baz\nbody\nEOF\n# c\nRUN z\n");
  ASSERT_FALSE(r.diagnostics.has_errors());
  const auto& run = r.dockerfile.instructions[1];
  ASSERT_EQ(run.heredocs.size(), 1u);
  EXPECT_EQ(run.heredocs[0].body, "body\n");
  EXPECT_EQ(run.heredocs[0].pos, (Pos{3, 10}));
  EXPECT_EQ(r.dockerfile.instructions[2].pos.line, 8);
}

TEST(Heredoc, NotInQuotesNotInJsonNotOnUser) {
  const auto r = parse("FROM x\nRUN echo \"<<EOF\"\nCMD [\"<<EOF\"]\nUSER <<X\n");
  ASSERT_FALSE(r.diagnostics.has_errors());
  for (const auto& i : r.dockerfile.instructions) {
    EXPECT_TRUE(i.heredocs.empty());
  }
}

TEST(Heredoc, UnterminatedIsAPositionedError) {
  const auto r = parse("FROM x\nRUN <<EOF\necho\n");
  ASSERT_TRUE(r.diagnostics.has_errors());
  EXPECT_EQ(r.diagnostics.items()[0].where.line, 2);
  EXPECT_EQ(r.diagnostics.items()[0].where.column, 5);
}

TEST(Heredoc, NoTrailingNewlineAtEof) {
  const auto r = parse("FROM x\nRUN <<EOF\necho\nEOF");
  EXPECT_FALSE(r.diagnostics.has_errors());
}

TEST(Heredoc, InsideOnbuild) {
  const auto r = parse("FROM x\nONBUILD RUN <<EOF\necho\nEOF\nUSER 1\n");
  ASSERT_FALSE(r.diagnostics.has_errors());
  ASSERT_EQ(r.dockerfile.instructions.size(), 3u);
  EXPECT_EQ(r.dockerfile.instructions[1].trigger->heredocs.at(0).body, "echo\n");
}

} // namespace
} // namespace plinth::dockerfile
