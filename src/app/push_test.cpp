// SPDX-License-Identifier: Apache-2.0
#include "app/build.hpp"
#include "app/push.hpp"

#include "compat/db.hpp"
#include "engine_api/fake_engine.hpp"
#include "http/fake_transport.hpp"
#include "util/files.hpp"
#include "util/sha256.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

namespace plinth::app {
namespace {

namespace fs = std::filesystem;

struct PushFixture : ::testing::Test {
  fs::path dir = fs::temp_directory_path() / ("plinth-push-test-" + std::to_string(::getpid()));
  engine::FakeEngine engine;
  http::FakeTransport registry;
  NullEvents events;
  std::optional<LoadedStack> loaded;

  void SetUp() override {
    fs::remove_all(dir);
    fs::copy(fs::path(PLINTH_SOURCE_DIR) / "examples/tf-cpu-local", dir,
             fs::copy_options::recursive);
    engine.add_image("plinth.local/bootstrap/debian:bookworm");
    engine.container_output = [](const std::string&) {
      return std::string(
          R"({"python":"3.11.2","uid":1000,"pip":{"tensorflow-cpu":"2.16.1","numpy":"1.26.4",
        "jupyterlab":"4.2.5","tensorboard":"2.16.2","scikit-learn":"1.5.2"},"dpkg":{}})");
    };
    loaded = load_stack(dir / "plinth.yaml", compat::Db::builtin());
    auto builder = ::plinth::builder::make_classic_builder(engine);
    BuildOptions o;
    o.init_binary = dir / "plinth.yaml";
    ASSERT_TRUE(build_stack(*loaded, o, engine, engine, *builder, events));
  }
  void TearDown() override { fs::remove_all(dir); }

  PushOptions options(std::vector<std::string> images = {"base"}) {
    PushOptions o;
    o.images = std::move(images);
    o.docker_config = dir / "no-docker-config";
    return o;
  }
};

constexpr const char* k_base = "127.0.0.1:5000/plinth-demo/base:tf2.16-py311-cpu-v1.0.0";

TEST_F(PushFixture, PushesReadsTheDigestBackAndRecordsItInTheLock) {
  // The fake engine's manifest digest is a function of the image ID.
  const auto id = engine.inspect_image(k_base).value()->id;
  const auto expected = "sha256:" + sha256_hex("manifest" + id);
  registry.push(200, "{}");                                      // GET /v2/
  registry.push(404, "");                                        // HEAD: the tag is new
  registry.push(200, "", {{"Docker-Content-Digest", expected}}); // HEAD after the push
  auto r = push_stack(*loaded, options(), engine, registry, events);
  ASSERT_TRUE(r) << r.error().describe();
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ(r->at(0).digest, expected);
  EXPECT_FALSE(r->at(0).already_there);
  EXPECT_EQ(engine.push_calls, 1);
  auto lock = lock::parse(read_file(dir / "plinth.lock").value());
  EXPECT_EQ(lock->find("base")->manifest_digest, expected);
  EXPECT_EQ(lock->find("common")->manifest_digest, "");
}

TEST_F(PushFixture, ARegistryThatServesAnotherDigestAfterThePushIsAnError) {
  registry.push(200, "{}");
  registry.push(404, "");
  registry.push(200, "", {{"Docker-Content-Digest", "sha256:not-what-was-pushed"}});
  auto r = push_stack(*loaded, options(), engine, registry, events);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("does not serve digest"), std::string::npos);
}

TEST_F(PushFixture, RefusesToMoveAReleasedTagToAnotherImage) {
  registry.push(200, "{}");
  registry.push(200, "", {{"Docker-Content-Digest", "sha256:someone-elses"}});
  auto r = push_stack(*loaded, options(), engine, registry, events);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::conflict);
  EXPECT_NE(r.error().message.find("refusing to overwrite"), std::string::npos);
  EXPECT_EQ(engine.push_calls, 0);
}

TEST_F(PushFixture, AllowOverwriteMovesTheTag) {
  engine::RegistryAuth none;
  engine::StreamSink sink;
  const auto expected =
      engine.push("127.0.0.1:5000/plinth-demo/base", "tf2.16-py311-cpu-v1.0.0", none, sink)->digest;
  registry.push(200, "{}");
  registry.push(200, "", {{"Docker-Content-Digest", "sha256:someone-elses"}});
  registry.push(200, "", {{"Docker-Content-Digest", expected}});
  auto o = options();
  o.allow_overwrite = true;
  // The local image now carries a RepoDigest for `expected`, not for the registry's digest.
  auto r = push_stack(*loaded, o, engine, registry, events);
  ASSERT_TRUE(r) << r.error().describe();
  EXPECT_EQ(r->at(0).digest, expected);
  auto lock = lock::parse(read_file(dir / "plinth.lock").value());
  EXPECT_EQ(lock->find("base")->manifest_digest, expected);
}

TEST_F(PushFixture, AnImageAlreadyUnderTheTagIsNotPushedAgain) {
  engine::RegistryAuth none;
  engine::StreamSink sink;
  const auto digest =
      engine.push("127.0.0.1:5000/plinth-demo/base", "tf2.16-py311-cpu-v1.0.0", none, sink)->digest;
  const int calls = engine.push_calls;
  registry.push(200, "{}");
  registry.push(200, "", {{"Docker-Content-Digest", digest}});
  auto r = push_stack(*loaded, options(), engine, registry, events);
  ASSERT_TRUE(r) << r.error().describe();
  EXPECT_TRUE(r->at(0).already_there);
  EXPECT_EQ(engine.push_calls, calls);
}

TEST_F(PushFixture, WithoutALockItSaysToBuildFirst) {
  fs::remove(dir / "plinth.lock");
  auto r = push_stack(*loaded, options(), engine, registry, events);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("run `plinth build` first"), std::string::npos);
}

} // namespace
} // namespace plinth::app
