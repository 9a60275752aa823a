// SPDX-License-Identifier: Apache-2.0
#include "render/verify.hpp"

#include "render/dockerfile_writer.hpp"

#include <gtest/gtest.h>

using namespace plinth;

namespace {

render::DockerfileWriter sample() {
  render::DockerfileWriter w;
  w.directive("syntax", "docker/dockerfile:1");
  w.comment("header");
  w.from("debian:bookworm");
  w.exec(dockerfile::Keyword::shell, {"/bin/bash", "-c"});
  w.run({"--mount=type=cache,target=/x"}, "apt-get update", {"&& apt-get install -y git"});
  w.env({{"A", "x \"y\" $z"}, {"PATH", "/opt/bin:$PATH", false}});
  w.workdir("/work space");
  w.copy({"--chown=1:1"}, "src dir", "/work space/src");
  w.label({{"com.example.a", "ü"}});
  w.user("1000:1000");
  return w;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto p = text.find(from);
  EXPECT_NE(p, std::string::npos) << from;
  return text.replace(p, from.size(), to);
}

} // namespace

TEST(Verify, AcceptsWhatTheWriterWrote) {
  const auto w = sample();
  const auto ok = render::verify(w.text(), w.plan());
  EXPECT_TRUE(ok) << ok.error().describe() << "\n" << w.text();
}

TEST(Verify, RejectsAnInjectedInstruction) {
  const auto w = sample();
  const auto text = replaced(w.text(), "USER 1000:1000", "RUN id\nUSER 1000:1000");
  const auto r = render::verify(text, w.plan());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::internal);
  EXPECT_NE(r.error().message.find("RUN"), std::string::npos) << r.error().message;
}

TEST(Verify, RejectsChangedValuesFlagsAndComments) {
  const auto w = sample();
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"\"src dir\"", "\"src\", \"dir\""},
           {"--chown=1:1", "--chown=0:0"},
           {"apt-get update", "apt-get  update"},
           {"A=\"x", "A=\"X"},
           {"/work space\"", "/work\""},
           {"# header", "# other"},
           {"FROM debian:bookworm", "FROM debian:bookworm AS x"},
           {"syntax=docker/dockerfile:1", "syntax=evil/frontend"},
       }) {
    EXPECT_FALSE(render::verify(replaced(w.text(), from, to), w.plan())) << from << " -> " << to;
  }
}

TEST(Verify, RejectsAMissingInstruction) {
  const auto w = sample();
  EXPECT_FALSE(render::verify(replaced(w.text(), "USER 1000:1000\n", ""), w.plan()));
}
