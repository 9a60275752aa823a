// SPDX-License-Identifier: Apache-2.0
#include "http/fake_transport.hpp"
#include "http/message.hpp"
#include "registry/challenge.hpp"
#include "registry/client.hpp"
#include "registry/credentials.hpp"

#include <gtest/gtest.h>

namespace plinth::registry {
namespace {

TEST(Challenge, ParsesBearerWithQuotedScopeHoldingColons) {
  auto c = parse_challenge(
      R"(Bearer realm="https://auth.example/token",service="registry.example",scope="repository:a/b:pull,push")");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->scheme, "bearer");
  EXPECT_EQ(c->params.at("realm"), "https://auth.example/token");
  EXPECT_EQ(c->params.at("scope"), "repository:a/b:pull,push");
  auto b = parse_challenge("Basic realm=\"plinth-test\"");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->scheme, "basic");
}

HelperFn no_helper() {
  return [](const std::string& h, const std::string&) -> Result<std::optional<Credentials>> {
    return fail(Errc::internal, "unexpected helper " + h);
  };
}

TEST(Credentials, ReadsAuthsEntry) {
  const std::string config =
      R"({"auths":{"127.0.0.1:5001":{"auth":")" + http::base64_encode("bob:pa:ss") + R"("}}})";
  auto c = lookup_credentials(config, "127.0.0.1:5001", no_helper());
  ASSERT_TRUE(c && c->has_value());
  EXPECT_EQ((*c)->username, "bob");
  EXPECT_EQ((*c)->password, "pa:ss");
  auto none = lookup_credentials(config, "other:5000", no_helper());
  ASSERT_TRUE(none);
  EXPECT_FALSE(none->has_value());
}

TEST(Credentials, CredHelpersWinOverCredsStoreAndAuths) {
  const std::string config = R"({"credHelpers":{"reg.example":"ecr-login"},"credsStore":"pass",
      "auths":{"reg.example":{"auth":"eDp5"}}})";
  std::string called;
  HelperFn helper = [&](const std::string& h,
                        const std::string&) -> Result<std::optional<Credentials>> {
    called = h;
    return std::optional<Credentials>(
        parse_helper_output(R"({"Username":"<token>","Secret":"tok"})").value());
  };
  auto c = lookup_credentials(config, "reg.example", helper);
  ASSERT_TRUE(c && c->has_value());
  EXPECT_EQ(called, "ecr-login");
  EXPECT_EQ((*c)->identity_token, "tok");
}

struct ClientFixture {
  http::FakeTransport fake;
  std::vector<std::chrono::milliseconds> slept;
  Client client(std::optional<Credentials> creds) {
    return Client(fake, "127.0.0.1:5001", std::move(creds),
                  RetryPolicy{3, std::chrono::milliseconds(100)},
                  [this](std::chrono::milliseconds d) { slept.push_back(d); });
  }
};

TEST(RegistryClient, AnswersBasicChallengeAndReadsDigest) {
  ClientFixture f;
  f.fake.push(401, "", {{"WWW-Authenticate", "Basic realm=\"plinth-test\""}});
  f.fake.push(200, "",
              {{"Docker-Content-Digest", "sha256:abc"},
               {"Content-Type", "application/vnd.docker.distribution.manifest.v2+json"}});
  auto c = f.client(Credentials{"bob", "secret", ""});
  auto m = c.head_manifest("plinth-demo/base", "v1");
  ASSERT_TRUE(m) << m.error().message;
  ASSERT_TRUE(m->has_value());
  EXPECT_EQ((*m)->digest, "sha256:abc");
  EXPECT_EQ(f.fake.sent.at(1).url, "http://127.0.0.1:5001/v2/plinth-demo/base/manifests/v1");
  EXPECT_EQ(f.fake.sent.at(1).headers.back().second, "Basic " + http::base64_encode("bob:secret"));
}

TEST(RegistryClient, WrongPasswordIsAClearError) {
  ClientFixture f;
  f.fake.push(401, "", {{"WWW-Authenticate", "Basic realm=\"x\""}});
  f.fake.push(401, "", {{"WWW-Authenticate", "Basic realm=\"x\""}});
  auto c = f.client(Credentials{"bob", "wrong", ""});
  auto r = c.check_access("plinth-demo/base");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::unauthorized);
  EXPECT_NE(r.error().message.find("wrong username or password"), std::string::npos);
  EXPECT_EQ(r.error().message.find("wrong\""), std::string::npos);
}

TEST(RegistryClient, FetchesBearerToken) {
  ClientFixture f;
  f.fake.push(401, "",
              {{"WWW-Authenticate", R"(Bearer realm="https://auth.example/token",service="reg")"}});
  f.fake.push(200, R"({"token":"T0K"})");
  f.fake.push(404, "");
  auto c = f.client(Credentials{"bob", "pw", ""});
  auto m = c.head_manifest("team/img", "v2");
  ASSERT_TRUE(m) << m.error().message;
  EXPECT_FALSE(m->has_value());
  EXPECT_EQ(f.fake.sent.at(1).url,
            "https://auth.example/token?service=reg&scope=repository%3Ateam%2Fimg%3Apull");
  EXPECT_EQ(f.fake.sent.at(2).headers.back().second, "Bearer T0K");
}

TEST(RegistryClient, RetriesTransientFailuresWithBackoff) {
  ClientFixture f;
  f.fake.push(503, "");
  f.fake.push_error(Error(Errc::unavailable, "connection reset"));
  f.fake.push(200, "{}");
  auto c = f.client(std::nullopt);
  ASSERT_TRUE(c.check_access("x"));
  EXPECT_EQ(f.slept, (std::vector<std::chrono::milliseconds>{std::chrono::milliseconds(100),
                                                             std::chrono::milliseconds(200)}));
}

TEST(RegistryClient, MissingCredentialsSaysHowToLogIn) {
  ClientFixture f;
  f.fake.push(401, "", {{"WWW-Authenticate", "Basic realm=\"x\""}});
  auto c = f.client(std::nullopt);
  auto r = c.check_access("x");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("docker login 127.0.0.1:5001"), std::string::npos);
}

} // namespace
} // namespace plinth::registry
