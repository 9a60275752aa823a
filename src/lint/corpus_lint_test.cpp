// SPDX-License-Identifier: Apache-2.0
// Smoke test over tests/corpus: no parse errors, every finding lies inside the file, and the
// engine is deterministic.
#include "lint/engine.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace plinth::lint {
namespace {

namespace fs = std::filesystem;

TEST(CorpusLint, NoParseErrorsAndFindingsInRange) {
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(fs::path(PLINTH_SOURCE_DIR) / "tests/corpus")) {
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
    for (const auto& f : a) {
      EXPECT_NE(f.rule, "PL1000") << e.path() << ":" << f.line << ": " << f.message;
      EXPECT_GE(f.line, 1) << f.rule;
      EXPECT_LE(f.line, lines) << f.rule;
      EXPECT_GE(f.column, 1) << f.rule << " " << e.path() << ":" << f.line;
      EXPECT_NE(find_rule(f.rule), nullptr) << f.rule;
    }
  }
  EXPECT_GE(files, 5u);
}

} // namespace
} // namespace plinth::lint
