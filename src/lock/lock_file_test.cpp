// SPDX-License-Identifier: Apache-2.0
#include "lock/lock_file.hpp"

#include <gtest/gtest.h>

namespace plinth::lock {
namespace {

LockFile sample() {
  LockFile l;
  l.stack = "demo";
  LockedImage b;
  b.name = "base";
  b.reference = "127.0.0.1:5000/demo/base:v1";
  b.image_id = "sha256:aa";
  b.input_digest = "sha256:11";
  b.build_digest = "sha256:22";
  b.tensorflow = "2.16.1";
  b.python = "3.11.2";
  b.pip = {{"numpy", "1.26.4"}};
  b.apt = {{"bash", "5.2.15-2+b2"}};
  l.images.push_back(b);
  return l;
}

TEST(LockFile, RoundTripsAndIsDeterministic) {
  const auto text = serialize(sample());
  auto parsed = parse(text);
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_EQ(serialize(*parsed), text);
  EXPECT_EQ(parsed->find("base")->pip.at("numpy"), "1.26.4");
  EXPECT_NE(text.find("\"lock_version\": 1"), std::string::npos);
}

TEST(LockFile, RefusesUnknownVersionAndGarbage) {
  EXPECT_FALSE(parse("{\"lock_version\": 99, \"images\": []}"));
  EXPECT_FALSE(parse("not json"));
  EXPECT_FALSE(parse("{\"lock_version\": 1, \"images\": [{}]}"));
}

TEST(LockFile, UpsertReplacesByName) {
  auto l = sample();
  LockedImage b;
  b.name = "base";
  b.image_id = "sha256:bb";
  l.upsert(b);
  LockedImage c;
  c.name = "child";
  l.upsert(c);
  ASSERT_EQ(l.images.size(), 2u);
  EXPECT_EQ(l.find("base")->image_id, "sha256:bb");
}

} // namespace
} // namespace plinth::lock
