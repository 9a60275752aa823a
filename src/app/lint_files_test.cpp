// SPDX-License-Identifier: Apache-2.0
#include "app/lint_files.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <sys/stat.h>
#include <unistd.h>

namespace plinth::app {
namespace {

namespace fs = std::filesystem;

TEST(LintFiles, DockerfileNames) {
  EXPECT_TRUE(is_dockerfile_name("Dockerfile"));
  EXPECT_TRUE(is_dockerfile_name("Dockerfile.cuda"));
  EXPECT_TRUE(is_dockerfile_name("base.Dockerfile"));
  EXPECT_FALSE(is_dockerfile_name(".Dockerfile"));
  EXPECT_FALSE(is_dockerfile_name("Dockerfile~"));
  EXPECT_FALSE(is_dockerfile_name("README.md"));
}

TEST(LintFiles, FindsAndLints) {
  const auto dir = fs::temp_directory_path() / ("plinth-lint-test-" + std::to_string(::getpid()));
  fs::create_directories(dir / "sub");
  fs::create_directories(dir / ".git");
  std::ofstream(dir / "Dockerfile") << "FROM debian:12\nUSER 1000\n";
  std::ofstream(dir / "sub" / "gpu.Dockerfile") << "FROM ubuntu\n";
  std::ofstream(dir / ".git" / "Dockerfile") << "FROM x\n";
  std::ofstream(dir / "notes.txt") << "x\n";
  std::ofstream(dir / "lint.yaml") << "lint:\n  ignored: [PL2001]\n";
  auto files = find_dockerfiles({dir.string(), "-"});
  ASSERT_TRUE(files);
  ASSERT_EQ(files->size(), 3u);
  EXPECT_EQ(files->back(), "-");
  Diagnostics d;
  auto cfg = load_lint_config(dir / "lint.yaml", d);
  ASSERT_TRUE(cfg);
  EXPECT_TRUE(d.empty());
  EXPECT_TRUE(cfg->ignored.contains("PL2001"));
  std::istringstream in("FROM alpine:3.20\n");
  auto reports = lint_files(*files, *cfg, in);
  ASSERT_TRUE(reports);
  ASSERT_EQ(reports->size(), 3u);
  EXPECT_EQ(reports->back().path, "<stdin>");
  for (const auto& f : (*reports)[1].findings) {
    EXPECT_NE(f.rule, "PL2001");
  }
  EXPECT_FALSE(find_dockerfiles({(dir / "missing").string()}));
  fs::remove_all(dir);
}

TEST(LintFiles, KeepsFifosAndDevicesAsGiven) {
  const auto dir = fs::temp_directory_path() / ("plinth-lint-fifo-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const auto fifo = (dir / "Dockerfile.fifo").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  auto files = find_dockerfiles({fifo, "/dev/null"});
  ASSERT_TRUE(files);
  EXPECT_EQ(*files, (std::vector<std::string>{fifo, "/dev/null"}));
  fs::remove_all(dir);
}

} // namespace
} // namespace plinth::app
