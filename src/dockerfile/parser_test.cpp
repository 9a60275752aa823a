// SPDX-License-Identifier: Apache-2.0
#include "dockerfile/parser.hpp"

#include <gtest/gtest.h>

namespace plinth::dockerfile {
namespace {

const Instruction& only(const ParseResult& r, std::size_t i = 0) {
  EXPECT_GT(r.dockerfile.instructions.size(), i);
  return r.dockerfile.instructions.at(i);
}

TEST(Parser, KeywordsAreCaseInsensitiveWithPositions) {
  const auto r = parse("from debian:12 AS build\n  run echo hi\n");
  ASSERT_FALSE(r.diagnostics.has_errors());
  ASSERT_EQ(r.dockerfile.instructions.size(), 2u);
  const auto& from = only(r, 0);
  EXPECT_EQ(from.keyword, Keyword::from);
  EXPECT_EQ(from.keyword_raw, "from");
  EXPECT_EQ(from.pos, (Pos{1, 1}));
  ASSERT_EQ(from.args.size(), 3u);
  EXPECT_EQ(from.args[0].text, "debian:12");
  EXPECT_EQ(from.args[0].pos, (Pos{1, 6}));
  EXPECT_EQ(from.args[2].pos, (Pos{1, 19}));
  const auto& run = only(r, 1);
  EXPECT_EQ(run.keyword, Keyword::run);
  EXPECT_EQ(run.pos, (Pos{2, 3}));
  EXPECT_EQ(run.text, "echo hi");
  EXPECT_EQ(run.text_pos, (Pos{2, 7}));
}

TEST(Parser, ContinuationWithCommentsAndBlankLines) {
  const auto r = parse("FROM x\nRUN apt-get update \\\n# a comment \\\n\n    && apt-get install -y "
                       "curl\nUSER 1000\n");
  ASSERT_EQ(r.dockerfile.instructions.size(), 3u);
  const auto& run = only(r, 1);
  EXPECT_EQ(run.text, "apt-get update     && apt-get install -y curl");
  EXPECT_EQ(run.end_line, 5);
  // `curl` sits on line 5, column 27.
  EXPECT_EQ(run.args.back().text, "curl");
  EXPECT_EQ(run.args.back().pos, (Pos{5, 27}));
  EXPECT_EQ(only(r, 2).pos, (Pos{6, 1}));
  // The empty continuation line is a warning, not an error.
  EXPECT_FALSE(r.diagnostics.has_errors());
  EXPECT_EQ(r.diagnostics.items().size(), 1u);
  EXPECT_EQ(r.diagnostics.items()[0].code, "empty-continuation");
}

TEST(Parser, TrailingBlanksAfterEscapeStillContinueAndEscapedEscapeDoesNot) {
  const auto r = parse("FROM x\nRUN a \\  \n b\nCOPY c:\\\\ d\\\\\nUSER 1\n");
  ASSERT_EQ(r.dockerfile.instructions.size(), 4u);
  EXPECT_EQ(only(r, 1).text, "a  b");
  EXPECT_EQ(only(r, 3).keyword, Keyword::user);
}

TEST(Parser, ContinuationAtEndOfFile) {
  const auto r = parse("FROM x\nRUN echo \\");
  ASSERT_EQ(r.dockerfile.instructions.size(), 2u);
  EXPECT_EQ(only(r, 1).text, "echo");
}

TEST(Parser, Directives) {
  const auto r =
      parse("# syntax=docker/dockerfile:1\n# ESCAPE = `\n# check=skip=all\nFROM x\nRUN a `\n b\n");
  ASSERT_FALSE(r.diagnostics.has_errors());
  EXPECT_EQ(r.dockerfile.escape, '`');
  ASSERT_EQ(r.dockerfile.directives.size(), 3u);
  EXPECT_EQ(r.dockerfile.directive("syntax")->value, "docker/dockerfile:1");
  EXPECT_EQ(r.dockerfile.directive("check")->value, "skip=all");
  EXPECT_EQ(only(r, 1).text, "a  b");
}

TEST(Parser, DirectivesOnlyAtTop) {
  const auto r = parse("# hello\n# escape=`\nFROM x\n");
  EXPECT_TRUE(r.dockerfile.directives.empty());
  EXPECT_EQ(r.dockerfile.escape, '\\');
}

TEST(Parser, DuplicateAndInvalidDirectivesAreErrors) {
  const auto r = parse("# escape=\\\n# escape=`\nFROM x\n");
  ASSERT_TRUE(r.diagnostics.has_errors());
  EXPECT_EQ(r.diagnostics.items()[0].where.line, 2);
  const auto r2 = parse("# escape=x\nFROM x\n");
  EXPECT_TRUE(r2.diagnostics.has_errors());
}

TEST(Parser, ExecFormAndFallback) {
  const auto r = parse("FROM x\nCMD [\"a\", \"b\\u0041\"]\nCMD ['a']\nENTRYPOINT [\"a\"\n");
  ASSERT_FALSE(r.diagnostics.has_errors());
  const auto& cmd = only(r, 1);
  EXPECT_TRUE(cmd.exec_form);
  ASSERT_EQ(cmd.args.size(), 2u);
  EXPECT_EQ(cmd.args[1].text, "bA");
  EXPECT_EQ(cmd.args[1].pos, (Pos{2, 11}));
  EXPECT_FALSE(only(r, 2).exec_form);
  EXPECT_FALSE(only(r, 3).exec_form);
}

TEST(Parser, NestedJsonIsAnError) {
  const auto r = parse("FROM x\nCMD [\"a\", [\"b\"]]\n");
  ASSERT_TRUE(r.diagnostics.has_errors());
  EXPECT_EQ(r.diagnostics.items()[0].where.line, 2);
  EXPECT_EQ(r.diagnostics.items()[0].where.column, 5);
}

TEST(Parser, Flags) {
  const auto r =
      parse("FROM --platform=$BUILDPLATFORM x\n"
            "RUN --mount=type=cache,target=/var/cache/apt,sharing=locked --network=none echo\n"
            "COPY --from=build --chown=1000:1000 --chmod=755 --link a /b\n");
  ASSERT_FALSE(r.diagnostics.has_errors());
  EXPECT_EQ(only(r, 0).flag("platform")->value, "$BUILDPLATFORM");
  const auto& run = only(r, 1);
  ASSERT_EQ(run.flags.size(), 2u);
  EXPECT_EQ(run.flags[0].name, "mount");
  EXPECT_EQ(run.flags[0].pos, (Pos{2, 5}));
  EXPECT_EQ(run.flags[0].value_pos, (Pos{2, 13}));
  EXPECT_EQ(run.flag("network")->value, "none");
  EXPECT_EQ(run.text, "echo");
  const auto& copy = only(r, 2);
  EXPECT_EQ(copy.flag("from")->value, "build");
  EXPECT_FALSE(copy.flag("link")->value.has_value());
  ASSERT_EQ(copy.args.size(), 2u);
  EXPECT_EQ(copy.args[1].pos, (Pos{3, 58}));
}

TEST(Parser, EnvAndLabelPairs) {
  const auto r =
      parse("FROM x\nENV A=1 B=\"two words\" C=\nENV LEGACY some value\nLABEL \"k\"='v'\n");
  ASSERT_FALSE(r.diagnostics.has_errors());
  const auto& env = only(r, 1);
  ASSERT_EQ(env.pairs.size(), 3u);
  EXPECT_EQ(env.pairs[1].key, "B");
  EXPECT_EQ(env.pairs[1].value, "two words");
  EXPECT_EQ(env.pairs[1].key_pos, (Pos{2, 9}));
  EXPECT_EQ(env.pairs[1].value_pos, (Pos{2, 11}));
  EXPECT_EQ(env.pairs[2].value, "");
  const auto& legacy = only(r, 2);
  ASSERT_EQ(legacy.pairs.size(), 1u);
  EXPECT_TRUE(legacy.pairs[0].legacy);
  EXPECT_EQ(legacy.pairs[0].value, "some value");
  EXPECT_EQ(only(r, 3).pairs[0].key, "k");
  EXPECT_EQ(only(r, 3).pairs[0].value, "v");
}

TEST(Parser, EnvWithoutValueIsAnError) {
  const auto r = parse("FROM x\nENV PATH\n");
  ASSERT_TRUE(r.diagnostics.has_errors());
  EXPECT_EQ(r.diagnostics.items()[0].where.line, 2);
}

TEST(Parser, ArgForms) {
  const auto r = parse("ARG A B=2 C=\nFROM x\n");
  const auto& arg = only(r, 0);
  ASSERT_EQ(arg.pairs.size(), 3u);
  EXPECT_FALSE(arg.pairs[0].value.has_value());
  EXPECT_EQ(arg.pairs[1].value, "2");
  EXPECT_EQ(arg.pairs[2].value, "");
}

TEST(Parser, Onbuild) {
  const auto r =
      parse("FROM x\nONBUILD RUN --mount=type=cache,target=/c make\nONBUILD ONBUILD RUN x\n");
  const auto& ob = only(r, 1);
  ASSERT_TRUE(ob.trigger);
  EXPECT_EQ(ob.trigger->keyword, Keyword::run);
  EXPECT_EQ(ob.trigger->pos, (Pos{2, 9}));
  EXPECT_EQ(ob.trigger->flags.size(), 1u);
  ASSERT_TRUE(r.diagnostics.has_errors());
  EXPECT_EQ(r.diagnostics.items()[0].where.line, 3);
}

TEST(Parser, UnknownInstructionIsKept) {
  const auto r = parse("FROM x\nFRM y\n");
  EXPECT_EQ(only(r, 1).keyword, Keyword::unknown);
  EXPECT_EQ(only(r, 1).keyword_raw, "FRM");
}

TEST(Parser, CommentsAttachToNextInstruction) {
  const auto r = parse("FROM x\n# one\n# two\nRUN a\n#\nRUN b\n  # indented\nRUN c\n");
  EXPECT_EQ(only(r, 1).comments, (std::vector<std::string>{"one", "two"}));
  EXPECT_EQ(only(r, 1).comment_line, 3);
  EXPECT_TRUE(only(r, 2).comments.empty());
  EXPECT_EQ(only(r, 3).comments, (std::vector<std::string>{"indented"}));
  EXPECT_EQ(r.dockerfile.comments.size(), 4u);
}

TEST(Parser, CrlfAndBom) {
  const auto r = parse("\xEF\xBB\xBF"
                       "FROM x\r\nRUN a \\\r\n b\r\n");
  ASSERT_FALSE(r.diagnostics.has_errors());
  ASSERT_EQ(r.dockerfile.instructions.size(), 2u);
  EXPECT_EQ(only(r, 1).text, "a  b");
}

TEST(Parser, EmptyFileIsAnError) {
  EXPECT_TRUE(parse("").diagnostics.has_errors());
  EXPECT_TRUE(parse("# only a comment\n\n").diagnostics.has_errors());
}

TEST(Parser, HashInsideInstructionIsLiteral) {
  const auto r = parse("FROM x\nRUN echo 'a # b'\n");
  EXPECT_EQ(only(r, 1).text, "echo 'a # b'");
}

TEST(Parser, HealthcheckForms) {
  const auto r = parse(
      "FROM x\nHEALTHCHECK --interval=5s CMD [\"curl\", \"-f\", \"http://x\"]\nHEALTHCHECK NONE\n");
  const auto& hc = only(r, 1);
  EXPECT_TRUE(hc.exec_form);
  EXPECT_EQ(hc.flag("interval")->value, "5s");
  ASSERT_EQ(hc.args.size(), 4u);
  EXPECT_EQ(hc.args[1].text, "curl");
  EXPECT_EQ(only(r, 2).args[0].text, "NONE");
}

TEST(Parser, ExecFormAcrossContinuation) {
  const auto r = parse("FROM x\nCMD [\"a\", \\\n     \"b\"]\n");
  const auto& cmd = only(r, 1);
  ASSERT_TRUE(cmd.exec_form);
  ASSERT_EQ(cmd.args.size(), 2u);
  EXPECT_EQ(cmd.args[1].pos, (Pos{3, 6}));
}

TEST(Parser, WindowsBacktickEscape) {
  // With the backtick escape, a trailing backslash is a literal path character.
  const auto r = parse("# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\n"
                       "COPY testfile.txt c:\\\nRUN dir c:\\ `\n  /s\n");
  ASSERT_FALSE(r.diagnostics.has_errors());
  ASSERT_EQ(r.dockerfile.instructions.size(), 3u);
  EXPECT_EQ(only(r, 1).args.back().text, "c:\\");
  EXPECT_EQ(only(r, 2).text, "dir c:\\   /s");
  EXPECT_EQ(only(r, 2).end_line, 5);
}

TEST(Parser, FlagValuesWithQuotesAndTerminator) {
  const auto r = parse("FROM x\nRUN --mount=\"type=secret,id=a b\" -- --not-a-flag\n");
  const auto& run = only(r, 1);
  ASSERT_EQ(run.flags.size(), 1u);
  EXPECT_EQ(run.flags[0].value, "type=secret,id=a b");
  EXPECT_EQ(run.text, "--not-a-flag");
}

TEST(Parser, MalformedInputNeverThrows) {
  const char* inputs[] = {"\\",      "RUN \\\n\\\n",    "RUN <<",   "RUN <<'",
                          "CMD [",   "CMD [\"\\u12\"]", "ENV =",    "FROM --",
                          "ONBUILD", "LABEL",           "\n\n\\\n", "RUN <<-\n"};
  for (const char* in : inputs) {
    EXPECT_NO_THROW(parse(in)) << in;
  }
}

} // namespace
} // namespace plinth::dockerfile
