// SPDX-License-Identifier: Apache-2.0
#include "spec/grammar.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace plinth::spec::grammar;

namespace {

void accepts(Verdict (*rule)(std::string_view), const std::vector<std::string>& values) {
  for (const auto& v : values)
    EXPECT_FALSE(rule(v)) << "'" << v << "' refused: " << rule(v).value_or("");
}

void refuses(Verdict (*rule)(std::string_view), const std::vector<std::string>& values) {
  for (const auto& v : values)
    EXPECT_TRUE(rule(v)) << "'" << v << "' accepted";
}

} // namespace

TEST(Grammar, ControlCharactersAndUtf8) {
  EXPECT_FALSE(control_characters("plain text, ünïcødé 日本語 🎉"));
  EXPECT_FALSE(control_characters("a\tb", true));
  EXPECT_TRUE(control_characters("a\tb"));
  EXPECT_EQ(*control_characters("ab\ncd"),
            "contains the control character U+000A at character 3; control characters are not "
            "allowed");
  EXPECT_TRUE(control_characters(std::string("a\0b", 3)));
  EXPECT_TRUE(control_characters("\x1b[31m"));
  EXPECT_TRUE(control_characters("\x7f"));
  EXPECT_TRUE(control_characters("\xc2\x85")); // U+0085, a C1 control (NEL)
  EXPECT_EQ(*control_characters("ab\xff"), "is not valid UTF-8 at byte 3");
  EXPECT_TRUE(control_characters("\xc0\xaf"));         // overlong '/'
  EXPECT_TRUE(control_characters("\xed\xa0\x80"));     // a UTF-16 surrogate
  EXPECT_TRUE(control_characters("\xf4\x90\x80\x80")); // above U+10FFFF
  EXPECT_TRUE(control_characters("\xe2\x82"));         // truncated
  const auto bad = first_bad_character("äb\n");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->byte, 3u);
  EXPECT_EQ(bad->character, 3u);
}

TEST(Grammar, ImageNamesAreOciPathComponents) {
  accepts(image_name, {"base", "tf-base", "a.b", "a_b", "a__b", "a---b", "x1", "0"});
  refuses(image_name, {"", "..", ".", "../../x", "/abs", "a/b", "Base", "bäse", "my base", "-a",
                       "a-", "a..b", "a___b", "a_-b", std::string(129, 'a')});
  EXPECT_FALSE(image_name(std::string(128, 'a')));
}

TEST(Grammar, Registries) {
  accepts(registry, {"registry.example.com/ml", "127.0.0.1:5000/ml", "localhost:5000",
                     "r.example.com", "r.example.com/a/b-c"});
  refuses(registry, {"https://r.example.com", "registry_example/ML", "r.example.com:0/x",
                     "r.example.com:99999", "r.example.com/Upper", "r.example.com/", "",
                     "r.example.com/a b"});
}

TEST(Grammar, ImageReferences) {
  const std::string digest =
      "@sha256:0000000000000000000000000000000000000000000000000000000000000000";
  accepts(image_reference, {"debian", "debian:bookworm", "debian" + digest,
                            "docker.io/library/debian:bookworm" + digest, "localhost:5000/x/y:1.0",
                            "nvidia/cuda:12.3.2-base-ubuntu22.04"});
  refuses(image_reference, {"Debian:bookworm", "debian:", "debian:-x", "debian@sha256",
                            "debian@sha256:XYZ", "debian bookworm", "a//b", ":tag"});
}

TEST(Grammar, LabelKeysAndEnvNames) {
  accepts(label_key, {"com.example.cost-center", "team", "a_b", "A.B"});
  refuses(label_key, {"", "a b", "a=b", ".a", "a.", "a\nb", "ключ"});
  accepts(env_name, {"PATH", "_x", "TF_CPP_MIN_LOG_LEVEL", "a1"});
  refuses(env_name, {"", "1A", "A-B", "A B", "A=B"});
}

TEST(Grammar, Paths) {
  accepts(absolute_path, {"/", "/workspace", "/a b/ü", "/app/"});
  refuses(absolute_path, {"", "rel", "/a/../b", "/..", "/a\nRUN id"});
  accepts(relative_path, {"src", "./src", "project/requirements.txt", "a b"});
  refuses(relative_path, {"", "/etc/hostname", "..", "./..", "../x", "a/../../b", "a\tb"});
}

TEST(Grammar, SemanticVersions) {
  accepts(semver, {"1.0.0", "0.4.1", "1.0.0-rc.1", "1.0.0+build.1", "1.0.0-alpha.beta+exp.sha.5"});
  refuses(semver, {"v1", "1.0", "01.0.0", "1.0.0-01", "1.0.0+", "1.0.0 ", "1.0.0+a b"});
}

TEST(Grammar, DebianPackages) {
  accepts(debian_package_name, {"git", "libglib2.0-0", "g++", "python3.11-venv"});
  refuses(debian_package_name, {"a", "Git", "git$(id)", "-git", "g it"});
  accepts(debian_version, {"1:2.39.2-1.1", "2.36-9+deb12u4", "1.0~rc1", "0"});
  refuses(debian_version, {"", "x1", "1:", "a:1", "1.0;rm", "1 .0", "1.0-"});
}

TEST(Grammar, PythonAndNpm) {
  Verdict (*exact)(std::string_view) = [](std::string_view v) { return pep440_version(v); };
  accepts(exact, {"1.26.4", "2.16.1", "1.0rc1", "1.0.post1", "1.0.dev2", "1!2.0", "1.0+local.1"});
  refuses(exact, {"", "1.0;id", "1.*", "latest", "1.0 && id"});
  EXPECT_FALSE(pep440_version("1.26.*", true));
  accepts(pip_name, {"numpy", "scikit-learn", "zope.interface", "A_b"});
  refuses(pip_name, {"", "-x", "x-", "a b", "$(id)"});
  accepts(npm_name, {"left-pad", "@types/node", "code-server", "lodash.merge"});
  refuses(npm_name, {"", "Left-Pad", ".x", "_x", "@/x", "@Scope/x", "a b", "a;b"});
  accepts(npm_version, {"1.3.0", "^1.2.3", ">=1.0.0", "1.x", "1.0.0-rc.1"});
  refuses(npm_version, {"", "1.0;id", "1.0 && id", "$(id)"});
}
