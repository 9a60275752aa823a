// SPDX-License-Identifier: Apache-2.0
#include "dockerfile/image_ref.hpp"
#include "dockerfile/mount.hpp"
#include "dockerfile/parser.hpp"
#include "dockerfile/scope.hpp"
#include "dockerfile/stages.hpp"

#include <gtest/gtest.h>

namespace plinth::dockerfile {
namespace {

TEST(Stages, NamesParentsAndGlobalArgs) {
  const auto r = parse("ARG BASE=debian:12\nFROM ${BASE} AS Build\nFROM build\nFROM scratch\n");
  const auto g = build_stages(r.dockerfile);
  ASSERT_EQ(g.stages.size(), 3u);
  EXPECT_EQ(g.stages[0].base, "debian:12");
  EXPECT_EQ(g.stages[0].name, "build");
  EXPECT_EQ(g.stages[1].parent, 0);
  EXPECT_EQ(g.stages[2].parent, -1);
  EXPECT_EQ(g.first_from, 1u);
  EXPECT_EQ(g.find("0", 2), 0);
  EXPECT_EQ(g.find("BUILD", 2), 0);
  EXPECT_EQ(g.find("nope", 2), -1);
}

TEST(Scope, GlobalArgsNeedRedeclaration) {
  const auto r = parse("ARG V=1\nARG W\nFROM x AS a\nARG V\nENV E=$V\nFROM a\n");
  const auto g = build_stages(r.dockerfile);
  ScopeTracker t(r.dockerfile, g);
  int stage = -1;
  for (const auto& inst : r.dockerfile.instructions) {
    if (inst.keyword == Keyword::from) {
      ++stage;
      if (stage == 0) {
        EXPECT_FALSE(t.current().has("V"));
      }
    }
    t.enter(inst, stage);
    t.leave(inst, stage);
  }
  EXPECT_EQ(*t.current().get("E"), "1"); // inherited through FROM a
  EXPECT_TRUE(t.global().has("W"));
  EXPECT_TRUE(is_builtin_arg("HTTP_PROXY"));
  EXPECT_TRUE(is_platform_arg("TARGETARCH"));
}

TEST(ImageRef, Parse) {
  auto r = parse_image_ref("ghcr.io/org/img:1.2@sha256:abc");
  EXPECT_EQ(r.registry, "ghcr.io");
  EXPECT_EQ(r.repository, "org/img");
  EXPECT_EQ(r.tag, "1.2");
  EXPECT_EQ(r.digest, "sha256:abc");
  r = parse_image_ref("localhost:5000/img");
  EXPECT_EQ(r.registry, "localhost:5000");
  EXPECT_EQ(r.tag, "");
  r = parse_image_ref("jupyter/base-notebook");
  EXPECT_EQ(effective_registry(r), "docker.io");
}

TEST(ImageRef, MutableTags) {
  for (const auto tag : k_mutable_tags) {
    EXPECT_TRUE(is_mutable_tag(tag)) << tag;
  }
  EXPECT_TRUE(is_mutable_tag("LATEST"));
  EXPECT_TRUE(is_mutable_tag("Sid"));
  EXPECT_FALSE(is_mutable_tag(""));
  EXPECT_FALSE(is_mutable_tag("bookworm-20251117"));
  EXPECT_FALSE(is_mutable_tag("2.16.1"));
  EXPECT_FALSE(is_mutable_tag("latest-slim"));
}

TEST(Mount, AnyOrderAndAliases) {
  const auto m = parse_mount("target=/root/.cache,type=cache,sharing=locked,ro");
  EXPECT_EQ(m.type, "cache");
  EXPECT_EQ(m.target, "/root/.cache");
  EXPECT_EQ(m.sharing, "locked");
  EXPECT_TRUE(m.readonly);
  EXPECT_EQ(parse_mount("dst=/x").type, "bind");
}

} // namespace
} // namespace plinth::dockerfile
