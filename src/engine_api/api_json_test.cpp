// SPDX-License-Identifier: Apache-2.0
// JSON mapping of the system and images resources, and the progress stream.
#include "engine_api/images.hpp"
#include "engine_api/stream.hpp"
#include "engine_api/system.hpp"
#include "util/encoding.hpp"

#include <gtest/gtest.h>

namespace plinth::engine {
namespace {

TEST(EngineJson, ParsesInfo) {
  const auto body =
      R"J({"ServerVersion":"20.10.24","OperatingSystem":"Debian GNU/Linux 12 (bookworm)",
    "Driver":"overlay2","DockerRootDir":"/var/lib/docker","CgroupDriver":"systemd","CgroupVersion":"2",
    "DefaultRuntime":"runc","Runtimes":{"runc":{"path":"runc"},"nvidia":{"path":"nvidia-container-runtime"}},
    "SecurityOptions":["name=seccomp,profile=default"],"CDISpecDirs":["/etc/cdi"],"NCPU":2,"MemTotal":25000000000,"Unknown":{"x":1}})J";
  auto info = parse_info(body);
  ASSERT_TRUE(info);
  EXPECT_EQ(info->server_version, "20.10.24");
  EXPECT_EQ(info->cgroup_version, "2");
  EXPECT_EQ(info->runtimes, (std::vector<std::string>{"nvidia", "runc"}));
  EXPECT_TRUE(info->has_runtime("nvidia"));
  EXPECT_EQ(info->ncpu, 2);
  EXPECT_EQ(info->cdi_spec_dirs, std::vector<std::string>{"/etc/cdi"});
  // Some daemons send CgroupVersion as a number.
  EXPECT_EQ(parse_info(R"({"CgroupVersion":2})")->cgroup_version, "2");
  EXPECT_FALSE(parse_info("[]"));
}

TEST(EngineJson, ParsesImageInspectLabels) {
  auto i = parse_image_inspect(R"({"Id":"sha256:abc","RepoTags":["a:b"],"Size":42,
      "Config":{"Labels":{"io.plinth.inputs.digest":"sha256:1"},"User":"1000:1000"}})");
  ASSERT_TRUE(i);
  EXPECT_EQ(i->id, "sha256:abc");
  EXPECT_EQ(i->labels.at("io.plinth.inputs.digest"), "sha256:1");
  EXPECT_EQ(i->user, "1000:1000");
  EXPECT_EQ(i->size, 42);
}

TEST(EngineJson, ErrorMessageFromBody) {
  EXPECT_EQ(error_message(R"({"message":"No such image: x"})"), "No such image: x");
  EXPECT_EQ(error_message("plain text\n"), "plain text");
}

TEST(EngineJson, BuildQueryEncodesLabelsAndNetwork) {
  BuildRequest r;
  r.tags = {"reg/x:1"};
  r.labels = {{"a", "b"}};
  r.network_mode = "host";
  EXPECT_EQ(build_query(r),
            "dockerfile=Dockerfile&rm=1&forcerm=1&t=reg%2Fx%3A1&labels=%7B%22a%22%3A%22b%22%7D"
            "&networkmode=host");
}

TEST(EngineJson, ImageListFilter) {
  ImageFilter f;
  f.labels = {"io.plinth.stack=demo"};
  EXPECT_EQ(image_list_query(f),
            "filters=" + url_encode(R"({"label":{"io.plinth.stack=demo":true}})"));
}

TEST(EngineJson, RegistryAuthIsBase64UrlJson) {
  RegistryAuth a{"bob", "s3cret", "", "127.0.0.1:5000"};
  const auto decoded = base64_decode(registry_auth_header(a)).value();
  EXPECT_EQ(decoded, R"({"password":"s3cret","serveraddress":"127.0.0.1:5000","username":"bob"})");
}

TEST(StreamDecoder, FindsErrorInStreamWhateverTheChunks) {
  std::vector<StreamMessage> seen;
  StreamSink sink = [&](const StreamMessage& m) { seen.push_back(m); };
  StreamDecoder d(sink);
  const std::string text =
      "{\"stream\":\"Step 1/2 : FROM x\\n\"}\r\n{\"errorDetail\":{\"code\":1,\"message\":\"boom\"},"
      "\"error\":\"boom\"}\r\n";
  for (char c : text) {
    d.feed(std::string_view(&c, 1));
  }
  d.finish();
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].stream, "Step 1/2 : FROM x\n");
  EXPECT_EQ(d.error(), "boom");
}

TEST(StreamDecoder, ReadsBuildIdAndPushDigest) {
  StreamSink none;
  StreamDecoder d(none);
  d.feed(
      "{\"aux\":{\"ID\":\"sha256:feed\"}}\n{\"status\":\"v1: digest: sha256:beef size: 528\"}\n");
  EXPECT_EQ(d.image_id(), "sha256:feed");
  EXPECT_EQ(d.digest(), "sha256:beef");
  EXPECT_EQ(digest_from_push_status("nothing here"), "");
}

} // namespace
} // namespace plinth::engine
