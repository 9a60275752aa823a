// SPDX-License-Identifier: Apache-2.0
#include "engine/docker_engine.hpp"
#include "http/fake_transport.hpp"

#include <gtest/gtest.h>

namespace plinth::engine {
namespace {

struct Fixture {
  std::shared_ptr<http::FakeTransport> fake = std::make_shared<http::FakeTransport>();
  DockerEngine engine{fake, parse_docker_host("unix:///nonexistent/docker.sock").value(), "1.41"};
};

TEST(DockerEngine, PrefixesNegotiatedVersion) {
  Fixture f;
  f.fake->push(200, R"({"Version":"20.10.24","ApiVersion":"1.41"})");
  auto v = f.engine.version();
  ASSERT_TRUE(v);
  EXPECT_EQ(v->version, "20.10.24");
  EXPECT_EQ(f.fake->sent.at(0).url, "http://localhost/v1.41/version");
}

TEST(DockerEngine, PingReadsHeaders) {
  Fixture f;
  f.fake->push(200, "OK", {{"Api-Version", "1.41"}, {"Ostype", "linux"}});
  auto p = f.engine.ping();
  ASSERT_TRUE(p);
  EXPECT_EQ(p->api_version, "1.41");
  EXPECT_EQ(f.fake->sent.at(0).url, "http://localhost/_ping");
}

TEST(DockerEngine, FailedBuildAnswers200WithErrorInStream) {
  Fixture f;
  f.fake->push(200, "{\"stream\":\"Step 1/1 : RUN false\\n\"}\n{\"errorDetail\":{\"message\":\"The "
                    "command '/bin/sh "
                    "-c false' returned a non-zero code: 1\"}}\n");
  BuildRequest req;
  StreamSink sink;
  auto r = f.engine.build(req, sink);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("non-zero code: 1"), std::string::npos);
}

TEST(DockerEngine, SuccessfulBuildReturnsImageId) {
  Fixture f;
  f.fake->push(200,
               "{\"aux\":{\"ID\":\"sha256:abc\"}}\n{\"stream\":\"Successfully built abc\\n\"}\n");
  BuildRequest req;
  StreamSink sink;
  auto r = f.engine.build(req, sink);
  ASSERT_TRUE(r) << r.error().describe();
  EXPECT_EQ(r->image_id, "sha256:abc");
  EXPECT_EQ(f.fake->sent.at(0).method, "POST");
}

TEST(DockerEngine, InspectMissingImageIsNullopt) {
  Fixture f;
  f.fake->push(404, R"({"message":"No such image: x:y"})");
  auto r = f.engine.inspect_image("x:y");
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->has_value());
}

TEST(DockerEngine, HttpErrorCarriesEngineMessage) {
  Fixture f;
  f.fake->push(409, R"({"message":"conflict: unable to delete"})");
  auto r = f.engine.remove_image("x", false);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::conflict);
  EXPECT_EQ(r.error().describe(), "DELETE /v1.41/images/x: conflict: unable to delete");
}

TEST(DockerEngine, MissingSocketSaysEngineNotRunning) {
  Fixture f;
  f.fake->push_error(Error(Errc::unavailable, "Couldn't connect to server"));
  auto r = f.engine.info();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::unavailable);
  EXPECT_NE(r.error().message.find("not running: /nonexistent/docker.sock does not exist"),
            std::string::npos);
}

TEST(DockerEngine, PushReportsDigestAndSendsAuth) {
  Fixture f;
  f.fake->push(200, "{\"status\":\"Pushed\"}\n{\"status\":\"t1: digest: sha256:d1 size: 10\"}\n");
  RegistryAuth auth{"u", "p", "", "127.0.0.1:5000"};
  StreamSink sink;
  auto r = f.engine.push("127.0.0.1:5000/x", "t1", auth, sink);
  ASSERT_TRUE(r) << r.error().describe();
  EXPECT_EQ(r->digest, "sha256:d1");
  const auto& h = f.fake->sent.at(0).headers;
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0].first, "X-Registry-Auth");
}

} // namespace
} // namespace plinth::engine
