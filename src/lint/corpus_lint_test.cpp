// SPDX-License-Identifier: Apache-2.0
// Smoke test over tests/corpus and tests/lint-regress (files that once made lint stall or
// explode, issue #10; a regression there shows up as this test hitting the ctest timeout):
// no parse errors, every finding lies inside the file, and the engine is deterministic.
#include "lint/engine.hpp"
#include "lint/test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace plinth::lint {
namespace {

namespace fs = std::filesystem;

// Lints every *.Dockerfile of the folder with the checks above; returns how many there were.
std::size_t lint_folder(const char* folder) {
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(fs::path(PLINTH_SOURCE_DIR) / folder)) {
    if (e.path().extension() != ".Dockerfile") {
      continue;
    }
    ++files;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const auto src = ss.str();
    const int lines = static_cast<int>(std::count(src.begin(), src.end(), '\n')) + 1;
    Engine engine;
    const auto a = engine.lint(src);
    const auto b = engine.lint(src);
    EXPECT_EQ(a.size(), b.size());
    // The rules' declared keyword sets lose nothing against checking every instruction.
    Engine every_rule(Config{}, Dispatch::every_rule);
    EXPECT_EQ(testing::describe(a), testing::describe(every_rule.lint(src))) << e.path();
    for (const auto& f : a) {
      EXPECT_NE(f.rule, "PL1000") << e.path() << ":" << f.line << ": " << f.message;
      EXPECT_GE(f.line, 1) << f.rule;
      EXPECT_LE(f.line, lines) << f.rule;
      EXPECT_GE(f.column, 1) << f.rule << " " << e.path() << ":" << f.line;
      EXPECT_NE(find_rule(f.rule), nullptr) << f.rule;
    }
  }
  return files;
}

TEST(CorpusLint, NoParseErrorsAndFindingsInRange) {
  EXPECT_GE(lint_folder("tests/corpus"), 5u);
  EXPECT_GE(lint_folder("tests/lint-regress"), 1u);
}

} // namespace
} // namespace plinth::lint
