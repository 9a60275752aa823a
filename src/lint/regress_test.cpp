// SPDX-License-Identifier: Apache-2.0
// Dockerfiles under tests/lint-regress once made lint stall or explode (issue #10). Each must
// lint without a parse error; a regression shows up as this test hitting the ctest timeout.
#include "lint/engine.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace plinth::lint {
namespace {

namespace fs = std::filesystem;

TEST(LintRegress, PathologicalFilesLint) {
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(fs::path(PLINTH_SOURCE_DIR) / "tests/lint-regress")) {
    if (e.path().extension() != ".Dockerfile") {
      continue;
    }
    ++files;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    Engine engine;
    for (const auto& f : engine.lint(ss.str())) {
      EXPECT_NE(f.rule, "PL1000") << e.path() << ":" << f.line << ": " << f.message;
    }
  }
  EXPECT_GE(files, 1u);
}

} // namespace
} // namespace plinth::lint
