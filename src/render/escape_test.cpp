// SPDX-License-Identifier: Apache-2.0
// Each escaping function against hostile values: what it writes must parse back, with
// Plinth's Dockerfile parser, into exactly the value and nothing more.
#include "render/escape.hpp"

#include "dockerfile/parser.hpp"

#include <gtest/gtest.h>

using namespace plinth;
using render::Unrenderable;

namespace {

// Printable but hostile: quotes, $, backslashes, spaces, '#', '=', unicode, a would-be flag.
const std::vector<std::string> k_hostile = {
    "plain",       "two words",   "\"quoted\"", "it's",          "$HOME",
    "${X:-y}",     "back\\slash", "trailing\\", "a=b c=d",       "# not a comment",
    "--from=evil", "[\"x\"]",     "ünïcödé ✓",  "tab\u00a0nbsp", "&& id",
    "'",           "\\\"",        "`id`"};

const std::vector<std::string> k_control = {"a\nRUN id", "a\rb", "a\tb", std::string("a\0b", 3),
                                            "a\x7f",     "\n"};

// The instructions of `FROM scratch` + `line`, minus the FROM.
std::vector<dockerfile::Instruction> parse_after_from(const std::string& line) {
  auto parsed = dockerfile::parse("FROM scratch\n" + line + "\n");
  EXPECT_EQ(parsed.diagnostics.error_count(), 0u) << line;
  auto& all = parsed.dockerfile.instructions;
  return {std::make_move_iterator(all.begin() + 1), std::make_move_iterator(all.end())};
}

} // namespace

TEST(Escape, QuotedValuesParseBackToTheValue) {
  for (const auto& v : k_hostile) {
    const auto insts = parse_after_from("LABEL k=" + render::quote(v) + " k2=x");
    ASSERT_EQ(insts.size(), 1u) << v;
    ASSERT_EQ(insts[0].pairs.size(), 2u) << v;
    EXPECT_EQ(insts[0].pairs[0].value, v);
    const auto env = parse_after_from("ENV K=" + render::quote(v));
    ASSERT_EQ(env.size(), 1u) << v;
    EXPECT_EQ(env[0].pairs.at(0).value, v);
  }
  EXPECT_EQ(render::quote("a\"b\\c$d"), "\"a\\\"b\\\\c\\$d\"");
}

TEST(Escape, ShellWordsStayOneWord) {
  for (const auto& v : k_hostile) {
    const auto insts = parse_after_from("RUN echo " + render::shell_word(v) + " end");
    ASSERT_EQ(insts.size(), 1u) << v;
    ASSERT_EQ(insts[0].args.size(), 3u) << v;
    EXPECT_EQ(insts[0].args[1].text, v);
  }
  EXPECT_EQ(render::shell_word("numpy==1.26.4"), "numpy==1.26.4"); // safe words stay bare
  EXPECT_EQ(render::shell_word("a b"), "'a b'");
  EXPECT_EQ(render::shell_word(""), "''");
}

TEST(Escape, ExecFormIsJsonThatParsesBack) {
  auto values = k_hostile;
  values.insert(values.end(), k_control.begin(), k_control.end());
  const auto insts = parse_after_from("ENTRYPOINT " + render::exec_form(values));
  ASSERT_EQ(insts.size(), 1u);
  EXPECT_TRUE(insts[0].exec_form);
  ASSERT_EQ(insts[0].args.size(), values.size());
  for (std::size_t i = 0; i < values.size(); ++i)
    EXPECT_EQ(insts[0].args[i].text, values[i]);
  EXPECT_EQ(render::exec_form({"/bin/bash", "-c"}), "[\"/bin/bash\", \"-c\"]");
}

TEST(Escape, CopyPathsAreBareWhenPlainAndExecFormOtherwise) {
  EXPECT_EQ(render::copy_paths({"src", "/workspace/src"}), "src /workspace/src");
  EXPECT_EQ(render::copy_paths({"my src", "/work space/ü"}), "[\"my src\", \"/work space/ü\"]");
  EXPECT_EQ(render::copy_paths({"--from=x", "/d"}), "[\"--from=x\", \"/d\"]");
  EXPECT_EQ(render::copy_paths({"[x]", "/d"}), "[\"[x]\", \"/d\"]");
  for (const auto& p : {"a b", "ü/ñ", "-x", "[x", "a#b", "a=b", "x&&y"}) {
    const auto insts = parse_after_from("COPY --chown=1:1 " + render::copy_paths({p, "/dest x"}));
    ASSERT_EQ(insts.size(), 1u) << p;
    EXPECT_EQ(insts[0].flags.size(), 1u) << p;
    ASSERT_EQ(insts[0].args.size(), 2u) << p;
    EXPECT_EQ(insts[0].args[0].text, p);
    EXPECT_EQ(insts[0].args[1].text, "/dest x");
  }
}

TEST(Escape, PathsWithoutASafeSpellingAreRefused) {
  for (const auto& p : {"$HOME", "a\\b", "a\"b", "it's", ""}) {
    EXPECT_THROW(render::copy_paths({p, "/d"}), Unrenderable) << p;
    EXPECT_THROW(render::workdir_path(p), Unrenderable) << p;
  }
  for (const auto& p : k_control) {
    EXPECT_THROW(render::copy_paths({"src", "/d" + p}), Unrenderable);
    EXPECT_THROW(render::workdir_path("/w" + p), Unrenderable);
  }
}

TEST(Escape, WorkdirIsQuotedOnlyWhenNeeded) {
  EXPECT_EQ(render::workdir_path("/workspace"), "/workspace");
  for (const auto& p : {"/work space", "/ünï", "-w"}) {
    const auto insts = parse_after_from("WORKDIR " + render::workdir_path(p));
    ASSERT_EQ(insts.size(), 1u) << p;
    ASSERT_EQ(insts[0].args.size(), 1u) << p;
    EXPECT_EQ(insts[0].args[0].text, p);
    EXPECT_TRUE(insts[0].flags.empty()) << p;
  }
}

TEST(Escape, ControlCharactersAreRefusedInEveryValueContext) {
  for (const auto& v : k_control) {
    EXPECT_THROW(render::quote(v), Unrenderable);
    EXPECT_THROW(render::shell_word(v), Unrenderable);
    EXPECT_THROW(render::label_key("k" + v), Unrenderable);
    EXPECT_THROW(render::env_name("K" + v), Unrenderable);
    EXPECT_THROW(render::image_ref("debian" + v), Unrenderable);
    EXPECT_THROW(render::single_line("x" + v, "value"), Unrenderable);
  }
}

TEST(Escape, KeysAndReferencesAcceptOnlyTheirGrammar) {
  EXPECT_EQ(render::label_key("com.example.key-1"), "com.example.key-1");
  EXPECT_EQ(render::env_name("MY_VAR_1"), "MY_VAR_1");
  EXPECT_EQ(render::image_ref("reg.example.com:5000/ml/base:v1@sha256:ab"),
            "reg.example.com:5000/ml/base:v1@sha256:ab");
  for (const auto& k : {"", "a b", "a=b", "a\"b", "$x", "ü"}) {
    EXPECT_THROW(render::label_key(k), Unrenderable) << k;
    EXPECT_THROW(render::env_name(k), Unrenderable) << k;
    EXPECT_THROW(render::image_ref(k), Unrenderable) << k;
  }
  EXPECT_THROW(render::env_name("1X"), Unrenderable);
  EXPECT_THROW(render::env_name("a.b"), Unrenderable);
}

TEST(Escape, CommentsStayOnOneLine) {
  EXPECT_EQ(render::comment_text("a\nRUN id\r\x01"), "a\\nRUN id\\r\\x01");
  EXPECT_EQ(render::comment_text("plain ünï \"q\" $x"), "plain ünï \"q\" $x");
  const auto parsed = dockerfile::parse("# " + render::comment_text("x\nRUN id") + "\nFROM a\n");
  EXPECT_EQ(parsed.dockerfile.instructions.size(), 1u);
  EXPECT_EQ(parsed.dockerfile.comments.size(), 1u);
}
