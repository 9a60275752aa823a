// SPDX-License-Identifier: Apache-2.0
// The build decision with plain values: no engine, no files.
#include "buildplan/locked.hpp"
#include "buildplan/plan.hpp"

#include <gtest/gtest.h>

namespace plinth::buildplan {
namespace {

const std::string k_inputs = "sha256:1111";
const std::string k_parent = "sha256:aaaa";
const std::string k_builder = "classic";

lock::LockedImage locked(const std::string& digest, const std::string& id) {
  lock::LockedImage l;
  l.name = "project";
  l.build_digest = digest;
  l.image_id = id;
  l.manifest_digest = "sha256:m1";
  l.input_digest = k_inputs;
  return l;
}

// The image the last build made and locked, still tagged.
Observed unchanged() {
  Observed o;
  o.digest = build_digest(k_inputs, k_parent, k_builder);
  o.tagged = EngineImage{"sha256:img1", o.digest};
  o.previous = locked(o.digest, "sha256:img1");
  return o;
}

TEST(BuildDigest, CoversInputsParentAndBuilder) {
  const auto d = build_digest(k_inputs, k_parent, k_builder);
  EXPECT_EQ(d.rfind("sha256:", 0), 0U);
  EXPECT_EQ(d.size(), 7U + 64U);
  EXPECT_EQ(d, build_digest(k_inputs, k_parent, k_builder));
  EXPECT_NE(d, build_digest("sha256:2222", k_parent, k_builder));
  EXPECT_NE(d, build_digest(k_inputs, "sha256:bbbb", k_builder));
  EXPECT_NE(d, build_digest(k_inputs, k_parent, "buildkit"));
  EXPECT_NE(d, build_digest(k_inputs, k_parent, "classic plinth-init sha256:00"));
}

TEST(Decide, UpToDateWhenTaggedAndLocked) {
  const auto d = decide(unchanged());
  EXPECT_EQ(d.action, Action::up_to_date);
  EXPECT_EQ(d.image_id, "sha256:img1");
  EXPECT_FALSE(d.tag);
}

TEST(Decide, ForceBuildsWhateverExists) {
  auto o = unchanged();
  o.force = true;
  const auto d = decide(o);
  EXPECT_EQ(d.action, Action::build);
  EXPECT_TRUE(d.tag);
  EXPECT_TRUE(d.image_id.empty());
}

TEST(Decide, InputsChangedBuilds) {
  auto o = unchanged();
  o.digest = build_digest("sha256:2222", k_parent, k_builder);
  EXPECT_FALSE(tagged_with_digest(o.tagged, o.digest));
  const auto d = decide(o);
  EXPECT_EQ(d.action, Action::build);
  EXPECT_TRUE(d.tag);
}

TEST(Decide, ParentRebuiltBuilds) {
  auto o = unchanged();
  o.digest = build_digest(k_inputs, "sha256:new-parent", k_builder);
  EXPECT_EQ(decide(o).action, Action::build);
}

TEST(Decide, BuilderChangedBuilds) {
  auto o = unchanged();
  o.digest = build_digest(k_inputs, k_parent, "buildkit");
  EXPECT_EQ(decide(o).action, Action::build);
}

TEST(Decide, AnImageWithTheDigestIsReusedAndTagged) {
  auto o = unchanged();
  o.digest = build_digest(k_inputs, k_parent, "buildkit");
  o.labelled = "sha256:img2"; // built before with buildkit, the tag moved away since
  const auto d = decide(o);
  EXPECT_EQ(d.action, Action::reuse);
  EXPECT_EQ(d.image_id, "sha256:img2");
  EXPECT_TRUE(d.tag);
}

TEST(Decide, TaggedButNotLockedIsReusedWithoutTagging) {
  auto o = unchanged();
  o.previous.reset(); // no plinth.lock (or the image is new in it)
  auto d = decide(o);
  EXPECT_EQ(d.action, Action::reuse);
  EXPECT_EQ(d.image_id, "sha256:img1");
  EXPECT_FALSE(d.tag);
  o = unchanged();
  o.previous->image_id = "sha256:other"; // the lock records another image
  EXPECT_EQ(decide(o).action, Action::reuse);
  o = unchanged();
  o.previous->build_digest = "sha256:old";
  EXPECT_EQ(decide(o).action, Action::reuse);
}

TEST(Decide, TaggedImageWithoutTheLabelIsNotTrusted) {
  auto o = unchanged();
  o.tagged->build_digest.clear(); // someone tagged a foreign image with our reference
  EXPECT_EQ(decide(o).action, Action::build);
  o.labelled = "sha256:img1";
  const auto d = decide(o);
  EXPECT_EQ(d.action, Action::reuse);
  EXPECT_TRUE(d.tag);
}

TEST(Decide, NothingInTheEngineBuilds) {
  Observed o;
  o.digest = build_digest(k_inputs, k_parent, k_builder);
  EXPECT_EQ(decide(o).action, Action::build);
}

TEST(KeptManifestDigest, OnlyWhileDigestAndImageAreUnchanged) {
  const auto o = unchanged();
  EXPECT_EQ(kept_manifest_digest(o.previous, o.digest, "sha256:img1"), "sha256:m1");
  EXPECT_EQ(kept_manifest_digest(o.previous, o.digest, "sha256:img9"), "");
  EXPECT_EQ(kept_manifest_digest(o.previous, "sha256:other", "sha256:img1"), "");
  EXPECT_EQ(kept_manifest_digest(std::nullopt, o.digest, "sha256:img1"), "");
}

struct Base : ::testing::Test {
  model::ImageSpec spec;
  model::ResolvedImage img;
  void SetUp() override {
    spec.name = "base";
    img.spec = &spec;
  }
};

TEST_F(Base, PinnedReferenceIsItsOwnParent) {
  spec.from = model::BaseFrom{};
  spec.from->ref.value = "debian@sha256:0123";
  EXPECT_FALSE(needs_bootstrap_image(img));
  auto p = base_parent_id(img, std::nullopt);
  ASSERT_TRUE(p);
  EXPECT_EQ(*p, "debian@sha256:0123");
}

TEST_F(Base, BootstrapNeedsTheImage) {
  spec.from = model::BaseFrom{};
  spec.from->bootstrap = true;
  spec.from->bootstrap_distribution = "debian";
  spec.from->bootstrap_suite = "bookworm";
  EXPECT_TRUE(needs_bootstrap_image(img));
  auto found = base_parent_id(img, std::string("sha256:boot"));
  ASSERT_TRUE(found);
  EXPECT_EQ(*found, "sha256:boot");
  auto missing = base_parent_id(img, std::nullopt);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, Errc::not_found);
  EXPECT_EQ(missing.error().message,
            "the engine has no plinth.local/bootstrap/debian:bookworm: run `plinth base "
            "bootstrap debian/bookworm` first");
}

TEST_F(Base, WithoutFromFails) {
  EXPECT_FALSE(needs_bootstrap_image(img));
  auto p = base_parent_id(img, std::nullopt);
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().code, Errc::invalid_input);
}

TEST(Locked, InputsChangedOrMissingFail) {
  model::ImageSpec spec;
  spec.name = "project";
  model::ResolvedStack stack;
  stack.images.emplace_back();
  stack.images[0].spec = &spec;
  std::vector<render::RenderedImage> rendered(1);
  rendered[0].input_digest = k_inputs;
  lock::LockFile lock;
  lock.images.push_back(locked("sha256:d", "sha256:img1"));
  EXPECT_TRUE(check_inputs_against_lock(lock, rendered, stack, {0}));
  rendered[0].input_digest = "sha256:2222";
  auto changed = check_inputs_against_lock(lock, rendered, stack, {0});
  ASSERT_FALSE(changed);
  EXPECT_EQ(changed.error().code, Errc::conflict);
  EXPECT_NE(changed.error().message.find("sha256:1111 -> sha256:2222"), std::string::npos);
  lock.images.clear();
  auto missing = check_inputs_against_lock(lock, rendered, stack, {0});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message, "--locked: image 'project' is not in plinth.lock");
  EXPECT_TRUE(check_inputs_against_lock(lock, rendered, stack, {})); // not selected
}

TEST(Locked, ResultsMustEqualTheLock) {
  lock::LockFile lock;
  auto want = locked("sha256:d", "sha256:img1");
  want.python = "3.11.2";
  want.pip = {{"numpy", "1.26.4"}};
  lock.images.push_back(want);
  EXPECT_TRUE(check_results_against_lock(lock, {want}));
  auto got = want;
  got.python = "3.11.9";
  got.pip = {{"numpy", "2.0.0"}, {"rich", "13.7.1"}};
  EXPECT_EQ(lock_differences(want, got),
            (std::vector<std::string>{"Python is 3.11.9, locked 3.11.2",
                                      "pip package numpy is 2.0.0, locked 1.26.4",
                                      "pip package rich 13.7.1 is not in the lock"}));
  auto r = check_results_against_lock(lock, {got});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "--locked: the build differs from plinth.lock:\n"
                               "  - project: Python is 3.11.9, locked 3.11.2\n"
                               "  - project: pip package numpy is 2.0.0, locked 1.26.4\n"
                               "  - project: pip package rich 13.7.1 is not in the lock");
}

} // namespace
} // namespace plinth::buildplan
