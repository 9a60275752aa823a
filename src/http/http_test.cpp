// SPDX-License-Identifier: Apache-2.0
#include "http/fake_transport.hpp"
#include "http/logging_transport.hpp"
#include "http/message.hpp"
#include "http/redact.hpp"

#include <gtest/gtest.h>

namespace plinth::http {
namespace {

TEST(Base64, EncodesAndDecodesRoundTrip) {
  EXPECT_EQ(base64_encode("user:pass"), "dXNlcjpwYXNz");
  EXPECT_EQ(base64_encode("a"), "YQ==");
  EXPECT_EQ(base64_encode("ab"), "YWI=");
  EXPECT_EQ(base64url_encode("\xfb\xff"), "-_8=");
  EXPECT_EQ(base64_decode("dXNlcjpwYXNz").value(), "user:pass");
  EXPECT_EQ(base64_decode("-_8=").value(), "\xfb\xff");
  EXPECT_FALSE(base64_decode("a*b").has_value());
}

TEST(UrlEncode, KeepsUnreservedOnly) {
  EXPECT_EQ(url_encode("a b/{\"x\":1}"), "a%20b%2F%7B%22x%22%3A1%7D");
  EXPECT_EQ(url_encode("Az09-_.~"), "Az09-_.~");
}

TEST(Response, HeaderLookupIsCaseInsensitive) {
  Response r;
  r.headers = {{"Api-Version", "1.41"}};
  EXPECT_EQ(r.header("api-version").value(), "1.41");
  EXPECT_FALSE(r.header("Server").has_value());
}

TEST(Redact, HidesSecretHeadersAndUrlCredentials) {
  Request req;
  req.method = "POST";
  req.url = "https://bob:hunter2@registry.test/token?service=x&password=hunter2";
  req.headers = {{"Authorization", "Bearer abc"}, {"X-Registry-Auth", "eyJ9"}, {"Accept", "*/*"}};
  const auto text = describe_request(req);
  EXPECT_EQ(text.find("hunter2"), std::string::npos) << text;
  EXPECT_EQ(text.find("abc"), std::string::npos) << text;
  EXPECT_EQ(text.find("eyJ9"), std::string::npos) << text;
  EXPECT_NE(text.find("Accept: */*"), std::string::npos) << text;
  EXPECT_NE(text.find("service=x"), std::string::npos) << text;
}

TEST(Redact, LeavesPlainUrlsAlone) {
  EXPECT_EQ(redact_url("http://localhost/v1.41/images/json?filters=%7B%7D"),
            "http://localhost/v1.41/images/json?filters=%7B%7D");
}

TEST(LoggingTransport, LogsRedactedExchange) {
  FakeTransport fake;
  fake.push(200, "OK", {{"Api-Version", "1.41"}});
  std::vector<std::string> lines;
  LoggingTransport log(fake, [&](std::string_view l) { lines.emplace_back(l); });
  Request req;
  req.url = "http://localhost/_ping";
  req.headers = {{"Authorization", "Basic c2VjcmV0"}};
  auto r = log.send(req);
  ASSERT_TRUE(r);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], "> GET http://localhost/_ping\nAuthorization: <redacted>");
  EXPECT_EQ(lines[1], "< 200 for GET http://localhost/_ping\nApi-Version: 1.41");
}

TEST(FakeTransport, StreamsBodyToSink) {
  FakeTransport fake;
  fake.push(200, "{\"stream\":\"x\"}\n");
  std::string got;
  Request req;
  req.on_body = [&](std::string_view c) {
    got += c;
    return true;
  };
  auto r = fake.send(req);
  ASSERT_TRUE(r);
  EXPECT_EQ(got, "{\"stream\":\"x\"}\n");
  EXPECT_TRUE(r->body.empty());
}

} // namespace
} // namespace plinth::http
