// SPDX-License-Identifier: Apache-2.0
#include "cli/progress.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <regex>

namespace plinth::cli {
namespace {

std::string read_all(std::FILE* f) {
  std::fflush(f);
  std::rewind(f);
  std::string out;
  char buf[512];
  while (const auto n = std::fread(buf, 1, sizeof buf, f)) {
    out.append(buf, n);
  }
  return out;
}

TEST(TerminalEvents, PlainModePrintsTimestampedLines) {
  std::FILE* f = std::tmpfile();
  {
    TerminalEvents e(false, false, f);
    e.image_state("base", app::ImageState::building, "");
    e.image_step("base", 3, 12, "RUN pip install x");
    e.image_log("base", "hidden unless verbose");
    e.image_state("base", app::ImageState::cached, "sha256:abc");
  }
  const auto text = read_all(f);
  std::fclose(f);
  EXPECT_TRUE(std::regex_search(text, std::regex(R"(^\d\d:\d\d:\d\d base: building\n)")));
  EXPECT_NE(text.find("base: step 3/12: RUN pip install x\n"), std::string::npos) << text;
  EXPECT_NE(text.find("base: up to date (sha256:abc)\n"), std::string::npos) << text;
  EXPECT_EQ(text.find("hidden"), std::string::npos);
}

TEST(TerminalEvents, LiveModeRedrawsOneLinePerImageWithABar) {
  std::FILE* f = std::tmpfile();
  {
    TerminalEvents e(true, false, f);
    e.image_state("base", app::ImageState::cached, "sha256:abc");
    e.image_state("project", app::ImageState::building, "");
    e.image_step("project", 5, 10, "COPY src /workspace/src");
  }
  const auto text = read_all(f);
  std::fclose(f);
  EXPECT_NE(text.find("\x1b[2A"), std::string::npos); // moves up over the two lines it drew
  EXPECT_NE(text.find("[##########..........] 5/10"), std::string::npos) << text;
  EXPECT_NE(text.find("base         up to date"), std::string::npos) << text;
}

} // namespace
} // namespace plinth::cli
