// SPDX-License-Identifier: Apache-2.0
#include "compat/code_server.hpp"
#include "dockerfile/image_ref.hpp"
#include "spec/analyze.hpp"
#include "spec/parse_stack.hpp"

#include <gtest/gtest.h>

using namespace plinth;

namespace {

const char* k_stack = R"(version: 1
name: t
registry: registry.example.com/ml
images:
  base:
    tier: base
    version: 1.0.0
    from: bootstrap:debian/bookworm
    framework: {version: 2.16.1, variant: gpu}
    python: "3.11"
    user: {name: ml, uid: 1000, gid: 1000}
    tools:
      jupyter: {version: 4.2.5, port: 8888}
  common:
    tier: common
    parent: base
    version: 0.1.0
    tools:
      tensorboard: {version: 2.16.2, port: 6006}
  project:
    tier: project
    parent: common
    version: 2.0.0
    workdir: /srv/app
)";

struct Analyzed {
  spec::ParseResult parsed;
  spec::AnalysisResult analysis;
};

std::unique_ptr<Analyzed> analyze(const std::string& text) {
  auto a = std::make_unique<Analyzed>();
  a->parsed = spec::parse_stack(text, "plinth.yaml");
  if (a->parsed.stack) a->analysis = spec::analyze(*a->parsed.stack, compat::Db::builtin());
  return a;
}

} // namespace

TEST(Analyze, ResolvesInheritedFrameworkUserAndTools) {
  const auto a = analyze(k_stack);
  ASSERT_FALSE(a->parsed.diags.has_errors());
  ASSERT_TRUE(a->analysis.resolved)
      << (a->analysis.diags.empty() ? "" : a->analysis.diags.items()[0].message);
  const auto* project = a->analysis.resolved->find("project");
  ASSERT_NE(project, nullptr);
  EXPECT_EQ(project->tensorflow, "2.16.1");
  EXPECT_EQ(project->python, "3.11");
  EXPECT_EQ(project->variant, "gpu");
  EXPECT_EQ(project->cuda, "12.3");
  EXPECT_EQ(project->cudnn, "8.9");
  EXPECT_EQ(project->driver_min, "525.60.13");
  EXPECT_EQ(project->user->uid, 1000);
  EXPECT_EQ(project->workdir, "/srv/app");
  ASSERT_EQ(project->tools.size(), 2u);
  EXPECT_EQ(project->chain.size(), 3u);
  EXPECT_EQ(project->repository, "registry.example.com/ml/project");
}

TEST(Analyze, OrdersParentsBeforeChildrenWhateverTheFileOrder) {
  std::string text = R"(version: 1
registry: r.example.com/x
images:
  project: {tier: project, parent: common, version: 1.0.0}
  common: {tier: common, parent: base, version: 1.0.0}
  base: {tier: base, version: 1.0.0, from: "bootstrap:debian/bookworm", python: "3.11", user: {name: u, uid: 1000, gid: 1000}}
)";
  const auto a = analyze(text);
  ASSERT_TRUE(a->analysis.resolved);
  const auto& imgs = a->analysis.resolved->images;
  ASSERT_EQ(imgs.size(), 3u);
  EXPECT_EQ(imgs[0].name(), "base");
  EXPECT_EQ(imgs[1].name(), "common");
  EXPECT_EQ(imgs[2].name(), "project");
}

TEST(Analyze, TwoToolsOnOnePortConflict) {
  std::string text = k_stack;
  text.replace(text.find("port: 6006"), 10, "port: 8888");
  const auto a = analyze(text);
  ASSERT_TRUE(a->analysis.diags.has_errors());
  EXPECT_EQ(a->analysis.diags.items()[0].code, "port-conflict");
  EXPECT_EQ(a->analysis.diags.items()[0].where.line, 19);
}

TEST(Analyze, CodeServerReleasesNeedAKnownNodeRuntime) {
  const auto with = [](const std::string& version) {
    std::string text = k_stack;
    text.replace(text.find("tensorboard: {version: 2.16.2, port: 6006}"), 42,
                 "code-server: {version: " + version + ", port: 8443}");
    return analyze(text);
  };
  EXPECT_FALSE(with("4.100.3")->analysis.diags.has_errors());
  for (const auto* bad : {"4.88.1", "4.140.0", "4.100"}) {
    const auto a = with(bad);
    ASSERT_TRUE(a->analysis.diags.has_errors()) << bad;
    EXPECT_EQ(a->analysis.diags.items()[0].code, "unknown-code-server") << bad;
    // The known range comes from the compatibility database's `codeserver` rows.
    EXPECT_NE(a->analysis.diags.items()[0].message.find(compat::code_server_known_range()),
              std::string::npos);
  }
}

TEST(Analyze, RefusesEveryMutableTagOfTheSharedList) {
  // The list is dockerfile::k_mutable_tags, the one lint's PL2002 uses too.
  const auto with_tag = [](const std::string& tag) {
    std::string text = k_stack;
    text.replace(text.find("bootstrap:debian/bookworm"), 25,
                 "debian:" + tag + "@sha256:" + std::string(64, '0'));
    return analyze(text);
  };
  const auto has_code = [](const Diagnostics& diags, const std::string& code) {
    for (const auto& d : diags.items()) {
      if (d.code == code) return true;
    }
    return false;
  };
  std::vector<std::string> tags(dockerfile::k_mutable_tags.begin(),
                                dockerfile::k_mutable_tags.end());
  tags.push_back("LATEST"); // compared without regard to case
  for (const auto& tag : tags) {
    const auto a = with_tag(tag);
    ASSERT_FALSE(a->parsed.diags.has_errors()) << tag;
    EXPECT_TRUE(has_code(a->analysis.diags, "mutable-tag")) << tag;
  }
  for (const auto* tag : {"bookworm-20251117", "2.16.1"}) {
    const auto a = with_tag(tag);
    ASSERT_FALSE(a->parsed.diags.has_errors()) << tag;
    EXPECT_FALSE(has_code(a->analysis.diags, "mutable-tag")) << tag;
  }
}
