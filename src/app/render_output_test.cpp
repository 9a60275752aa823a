// SPDX-License-Identifier: Apache-2.0
#include "app/render_output.hpp"

#include "util/files.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace plinth;

namespace {

render::RenderedImage image(std::string name) {
  render::RenderedImage r;
  r.name = std::move(name);
  r.dockerfile = "FROM scratch\n";
  r.dockerignore = "*\n";
  return r;
}

struct TempOut {
  fs::path root =
      fs::path(::testing::TempDir()) / ("plinth-render-output-" + std::to_string(::getpid()));
  fs::path out = root / "out";
  TempOut() { fs::remove_all(root); }
  ~TempOut() { fs::remove_all(root); }
};

std::vector<std::string> entries(const fs::path& dir) {
  std::vector<std::string> out;
  if (!fs::exists(dir)) return out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    out.push_back(e.path().lexically_relative(dir).string());
  std::sort(out.begin(), out.end());
  return out;
}

} // namespace

TEST(RenderOutput, ImageFolderIsOnePlainComponentBelowTheOutput) {
  EXPECT_EQ(*app::image_dir("out", "base"), fs::path("out/base"));
  EXPECT_EQ(*app::image_dir("out/", "my.image-1"), fs::path("out/my.image-1"));
  EXPECT_EQ(*app::image_dir(".", "base"), fs::path("./base"));
  for (const auto& bad : {"", ".", "..", "../x", "/abs", "a/b", "a\nb"}) {
    EXPECT_FALSE(app::image_dir("out", bad)) << bad;
  }
  EXPECT_FALSE(app::image_dir("out", std::string_view("a\0b", 3)));
}

TEST(RenderOutput, WritesEveryImageBelowTheOutput) {
  TempOut t;
  auto a = image("a");
  a.init_config = "[init]\n";
  const auto written = app::write_rendered(t.out, {a, image("b")});
  ASSERT_TRUE(written) << written.error().describe();
  EXPECT_EQ(*written, (std::vector<fs::path>{t.out / "a/Dockerfile", t.out / "b/Dockerfile"}));
  EXPECT_EQ(entries(t.out),
            (std::vector<std::string>{"a", "a/.dockerignore", "a/Dockerfile", "a/plinth-init.conf",
                                      "b", "b/.dockerignore", "b/Dockerfile"}));
  EXPECT_EQ(*read_file(t.out / "a/Dockerfile"), "FROM scratch\n");
}

TEST(RenderOutput, AnEscapingNameWritesNothingAtAll) {
  TempOut t;
  for (const auto& bad : {"..", "../evil", "/tmp/evil", ""}) {
    const auto r = app::write_rendered(t.out, {image("good"), image(bad)});
    EXPECT_FALSE(r) << bad;
    EXPECT_EQ(entries(t.out), std::vector<std::string>{}) << bad;
  }
  EXPECT_FALSE(fs::exists(t.root / "evil"));
}

TEST(RenderOutput, ReplacesOldFilesAndLeavesNoStagingFolder) {
  TempOut t;
  fs::create_directories(t.out / "a");
  ASSERT_TRUE(write_file_atomic(t.out / "a/Dockerfile", "old\n"));
  ASSERT_TRUE(app::write_rendered(t.out, {image("a")}));
  EXPECT_EQ(*read_file(t.out / "a/Dockerfile"), "FROM scratch\n");
  EXPECT_EQ(entries(t.out), (std::vector<std::string>{"a", "a/.dockerignore", "a/Dockerfile"}));
}

// A rename that fails midway (here: a folder stands where b's Dockerfile goes) puts back
// what the earlier renames replaced: the output is the old render, not half of the new one.
TEST(RenderOutput, AFailureMidwayRestoresTheOldFiles) {
  TempOut t;
  fs::create_directories(t.out / "a");
  ASSERT_TRUE(write_file_atomic(t.out / "a/Dockerfile", "old a\n"));
  fs::create_directories(t.out / "b/Dockerfile/occupied");
  EXPECT_FALSE(app::write_rendered(t.out, {image("a"), image("b")}));
  EXPECT_EQ(*read_file(t.out / "a/Dockerfile"), "old a\n");
  EXPECT_FALSE(fs::exists(t.out / "a/.dockerignore")); // added by the failed render: removed
  EXPECT_EQ(entries(t.out), (std::vector<std::string>{"a", "a/Dockerfile", "b", "b/Dockerfile",
                                                      "b/Dockerfile/occupied"}));
}

TEST(RenderOutput, RefusesToWriteThroughALinkedImageFolder) {
  TempOut t;
  fs::create_directories(t.out);
  fs::create_directories(t.root / "elsewhere");
  fs::create_directory_symlink(t.root / "elsewhere", t.out / "a");
  ASSERT_TRUE(write_file_atomic(t.out / "b-old", "keep\n"));
  EXPECT_FALSE(app::write_rendered(t.out, {image("b"), image("a")}));
  EXPECT_EQ(entries(t.root / "elsewhere"), std::vector<std::string>{});
  EXPECT_FALSE(fs::exists(t.out / "b")); // nothing moved into place
}
