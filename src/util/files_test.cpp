// SPDX-License-Identifier: Apache-2.0
#include "util/files.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace plinth;
namespace fs = std::filesystem;

namespace {

class ReadInput : public ::testing::Test {
protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() / ("plinth-files-test-" + std::to_string(::getpid()));
    fs::create_directories(m_dir);
  }
  void TearDown() override {
    set_max_input_size(0);
    fs::remove_all(m_dir);
  }
  fs::path write(const std::string& name, const std::string& content) {
    std::ofstream(m_dir / name, std::ios::binary) << content;
    return m_dir / name;
  }
  fs::path m_dir;
};

TEST_F(ReadInput, ReadsARegularFileAndAnEmptyOne) {
  EXPECT_EQ(*read_input(write("a.yaml", "images: []\n"), InputKind::stack_file), "images: []\n");
  EXPECT_EQ(*read_input(write("empty.yaml", ""), InputKind::stack_file), "");
}

TEST_F(ReadInput, MissingFileIsNotFound) {
  auto r = read_input(m_dir / "nope.yaml", InputKind::stack_file);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::not_found);
  EXPECT_EQ(r.error().message,
            (m_dir / "nope.yaml").string() + ": cannot open: No such file or directory");
}

TEST_F(ReadInput, RefusesADirectory) {
  auto r = read_input(m_dir, InputKind::dockerfile);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::invalid_input);
  EXPECT_EQ(r.error().message, m_dir.string() + ": is a directory, not a file");
}

TEST_F(ReadInput, DevZeroFailsOnTheSizeLimit) {
  auto r = read_input("/dev/zero", InputKind::stack_file);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::invalid_input);
  EXPECT_EQ(r.error().message, "/dev/zero: larger than 4 MiB, the limit for stack files (raise "
                               "it with --max-input-size SIZE)");
}

TEST_F(ReadInput, DevNullIsEmpty) {
  EXPECT_EQ(*read_input("/dev/null", InputKind::dockerfile), "");
}

TEST_F(ReadInput, TheLimitIsInclusiveAndSettable) {
  EXPECT_EQ(max_input_size(InputKind::stack_file), k_default_max_stack_file);
  EXPECT_EQ(max_input_size(InputKind::dockerfile), k_default_max_dockerfile);
  set_max_input_size(10);
  EXPECT_EQ(max_input_size(InputKind::dockerfile), 10u);
  EXPECT_TRUE(read_input(write("ten", "0123456789"), InputKind::dockerfile));
  auto r = read_input(write("eleven", "0123456789a"), InputKind::dockerfile);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, (m_dir / "eleven").string() +
                                   ": larger than 10 bytes, the limit for Dockerfiles (raise it "
                                   "with --max-input-size SIZE)");
  set_max_input_size(0);
  EXPECT_EQ(max_input_size(InputKind::stack_file), k_default_max_stack_file);
}

TEST_F(ReadInput, ReadsAFifo) {
  const auto fifo = m_dir / "fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::thread writer([&] { std::ofstream(fifo) << "FROM debian:12\n"; });
  auto r = read_input(fifo, InputKind::dockerfile);
  writer.join();
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(*r, "FROM debian:12\n");
}

TEST_F(ReadInput, BoundsAStream) {
  std::istringstream small("FROM x\n");
  EXPECT_EQ(*read_input(small, "<stdin>", InputKind::dockerfile), "FROM x\n");
  set_max_input_size(100 * 1024);
  std::istringstream big(std::string(200 * 1024, 'x'));
  auto r = read_input(big, "<stdin>", InputKind::dockerfile);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "<stdin>: larger than 100 KiB, the limit for Dockerfiles (raise "
                               "it with --max-input-size SIZE)");
}

TEST_F(ReadInput, RefusesABlockDevice) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator("/dev", ec)) {
    struct stat st {};
    if (::stat(e.path().c_str(), &st) != 0 || !S_ISBLK(st.st_mode)) continue;
    auto r = read_input(e.path(), InputKind::stack_file);
    if (!r && r.error().code != Errc::invalid_input) continue; // e.g. no permission to open
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().message, e.path().string() + ": is a block device, not a file");
    return;
  }
  GTEST_SKIP() << "no readable block device under /dev";
}

} // namespace
