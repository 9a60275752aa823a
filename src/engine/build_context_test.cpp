// SPDX-License-Identifier: Apache-2.0
#include "engine/build_context.hpp"

#include "util/files.hpp"

#include <gtest/gtest.h>

#include <archive.h>
#include <archive_entry.h>

#include <filesystem>
#include <unistd.h>

namespace plinth::engine {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> entries(const std::string& tar) {
  std::vector<std::string> out;
  archive* a = archive_read_new();
  archive_read_support_format_tar(a);
  archive_read_open_memory(a, tar.data(), tar.size());
  archive_entry* e = nullptr;
  while (archive_read_next_header(a, &e) == ARCHIVE_OK) {
    out.emplace_back(archive_entry_pathname(e));
  }
  archive_read_free(a);
  return out;
}

struct TempDir {
  fs::path path = fs::temp_directory_path() / ("plinth-ctx-" + std::to_string(::getpid()));
  TempDir() { fs::create_directories(path / "project/src"); }
  ~TempDir() { fs::remove_all(path); }
};

TEST(BuildContext, HoldsOnlyTheAllowedPathsDeterministically) {
  TempDir d;
  ASSERT_TRUE(write_file_atomic(d.path / "project/src/hello.py", "print('hi')\n"));
  ASSERT_TRUE(write_file_atomic(d.path / "project/requirements.txt", "rich==13.7.1\n"));
  ASSERT_TRUE(write_file_atomic(d.path / "secret.env", "TOKEN=x\n"));
  const std::string ignore = "*\n!project/requirements.txt\n!project/src\n";
  auto a = make_build_context(d.path, "FROM x\n", ignore);
  ASSERT_TRUE(a) << a.error().message;
  EXPECT_EQ(entries(*a), (std::vector<std::string>{"Dockerfile", ".dockerignore", "project/",
                                                   "project/requirements.txt", "project/src/",
                                                   "project/src/hello.py"}));
  fs::last_write_time(d.path / "project/src/hello.py", fs::file_time_type::clock::now());
  auto b = make_build_context(d.path, "FROM x\n", ignore);
  ASSERT_TRUE(b);
  EXPECT_EQ(*a, *b);
}

TEST(BuildContext, MissingPathIsAnError) {
  TempDir d;
  auto a = make_build_context(d.path, "FROM x\n", "*\n!nope.txt\n");
  ASSERT_FALSE(a);
  EXPECT_EQ(a.error().code, Errc::not_found);
}

} // namespace
} // namespace plinth::engine

namespace plinth::engine {
namespace {

TEST(BuildContext, AddsGeneratedFilesForAllowedPathsMissingOnDisk) {
  const auto dir = std::filesystem::temp_directory_path();
  auto a = make_build_context(
      dir, "FROM x\n", "*\n!.plinth\n",
      {{".plinth/plinth-init.conf", "[service]\n", false}, {".plinth/plinth-init", "ELF", true}});
  ASSERT_TRUE(a) << a.error().message;
  EXPECT_EQ(entries(*a),
            (std::vector<std::string>{"Dockerfile", ".dockerignore", ".plinth/",
                                      ".plinth/plinth-init", ".plinth/plinth-init.conf"}));
}

} // namespace
} // namespace plinth::engine
