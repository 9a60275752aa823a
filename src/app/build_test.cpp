// SPDX-License-Identifier: Apache-2.0
#include "app/build.hpp"

#include "compat/db.hpp"
#include "engine_api/fake_engine.hpp"
#include "util/files.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

namespace plinth::app {
namespace {

namespace fs = std::filesystem;

constexpr const char* k_readback =
    R"({"python":"3.11.2","uid":1000,"pip":{"tensorflow-cpu":"2.16.1",
  "numpy":"1.26.4","jupyterlab":"4.2.5","tensorboard":"2.16.2","scikit-learn":"1.5.2","rich":"13.7.1"},
  "dpkg":{"bash":"5.2.15-2+b2"}})";

struct BuildStack : ::testing::Test {
  fs::path dir = fs::temp_directory_path() / ("plinth-build-test-" + std::to_string(::getpid()));
  engine::FakeEngine engine;
  std::unique_ptr<Builder> builder = ::plinth::builder::make_classic_builder(engine);
  NullEvents events;

  void SetUp() override {
    fs::remove_all(dir);
    fs::copy(fs::path(PLINTH_SOURCE_DIR) / "examples/tf-cpu-local", dir,
             fs::copy_options::recursive);
    fs::remove(dir / "plinth.lock"); // one the demo wrote into the example (not tracked)
    engine.add_image("plinth.local/bootstrap/debian:bookworm");
    engine.container_output = [](const std::string&) { return std::string(k_readback); };
  }
  void TearDown() override { fs::remove_all(dir); }

  Result<BuildReport> build(BuildOptions opts = {}) {
    opts.init_binary = dir / "plinth.yaml"; // any file stands in for the static binary
    auto loaded = load_stack(dir / "plinth.yaml", compat::Db::builtin());
    EXPECT_TRUE(loaded.ok());
    return build_stack(loaded, opts, engine, engine, *builder, events);
  }
};

TEST_F(BuildStack, BuildsParentsFirstTagsAndWritesLock) {
  auto r = build();
  ASSERT_TRUE(r) << r.error().describe();
  EXPECT_EQ(engine.build_calls, 3);
  ASSERT_EQ(r->images.size(), 3u);
  EXPECT_EQ(r->images[0].locked.name, "base");
  EXPECT_TRUE(r->lock_written);
  auto lock = lock::parse(read_file(dir / "plinth.lock").value());
  ASSERT_TRUE(lock);
  EXPECT_EQ(lock->find("project")->tensorflow, "2.16.1");
  EXPECT_EQ(lock->find("common")->parent_digest, lock->find("base")->image_id);
  auto tagged = engine.inspect_image("127.0.0.1:5000/plinth-demo/project:tf2.16-py311-cpu-v0.1.0");
  ASSERT_TRUE(tagged && tagged->has_value());
}

TEST_F(BuildStack, UnchangedStackMakesNoBuildCall) {
  ASSERT_TRUE(build());
  const int before = engine.build_calls;
  auto r = build();
  ASSERT_TRUE(r) << r.error().describe();
  EXPECT_EQ(engine.build_calls, before);
  for (const auto& img : r->images) {
    EXPECT_TRUE(img.cached) << img.locked.name;
  }
}

TEST_F(BuildStack, ProjectFileChangeRebuildsOnlyTheProject) {
  ASSERT_TRUE(build());
  ASSERT_TRUE(write_file_atomic(dir / "project/src/hello.py", "print('changed')\n"));
  const int before = engine.build_calls;
  auto r = build();
  ASSERT_TRUE(r) << r.error().describe();
  EXPECT_EQ(engine.build_calls, before + 1);
  EXPECT_TRUE(r->images[0].cached);
  EXPECT_TRUE(r->images[1].cached);
  EXPECT_TRUE(r->images[2].built);
}

TEST_F(BuildStack, NewBootstrapImageRebuildsEverything) {
  ASSERT_TRUE(build());
  engine.add_image("plinth.local/bootstrap/debian:bookworm"); // a new ID under the same name
  const int before = engine.build_calls;
  ASSERT_TRUE(build());
  EXPECT_EQ(engine.build_calls, before + 3);
}

TEST_F(BuildStack, ForceRebuilds) {
  ASSERT_TRUE(build());
  const int before = engine.build_calls;
  BuildOptions o;
  o.force = true;
  ASSERT_TRUE(build(o));
  EXPECT_EQ(engine.build_calls, before + 3);
}

TEST_F(BuildStack, FailedBuildLeavesLockIntactAndSkipsChildren) {
  ASSERT_TRUE(build());
  const auto lock_before = read_file(dir / "plinth.lock").value();
  ASSERT_TRUE(write_file_atomic(dir / "project/src/hello.py", "print('changed')\n"));
  engine.fail_build_with =
      "The command '/bin/bash -o pipefail -c pip install' returned a non-zero code: 1";
  auto r = build();
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().describe().find("non-zero code"), std::string::npos);
  EXPECT_EQ(read_file(dir / "plinth.lock").value(), lock_before);
}

TEST_F(BuildStack, VerificationFailureDoesNotTag) {
  engine.container_output = [](const std::string&) {
    return std::string(
        R"({"python":"3.11.2","uid":1000,"pip":{"tensorflow-cpu":"2.15.0"},"dpkg":{}})");
  };
  auto r = build();
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("TensorFlow is 2.15.0, declared 2.16.1"), std::string::npos)
      << r.error().message;
  auto tagged = engine.inspect_image("127.0.0.1:5000/plinth-demo/base:tf2.16-py311-cpu-v1.0.0");
  ASSERT_TRUE(tagged);
  EXPECT_FALSE(tagged->has_value());
  EXPECT_FALSE(fs::exists(dir / "plinth.lock"));
}

TEST_F(BuildStack, LockedFailsWhenInputsChanged) {
  ASSERT_TRUE(build());
  ASSERT_TRUE(write_file_atomic(dir / "project/src/hello.py", "print('changed')\n"));
  BuildOptions o;
  o.locked = true;
  auto r = build(o);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("changed since plinth.lock"), std::string::npos);
}

TEST_F(BuildStack, MissingBootstrapSaysWhatToRun) {
  engine.remove_image("plinth.local/bootstrap/debian:bookworm", true).has_value();
  auto r = build();
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("plinth base bootstrap debian/bookworm"), std::string::npos);
}

} // namespace
} // namespace plinth::app
