// SPDX-License-Identifier: Apache-2.0
#include "spec/packages.hpp"

#include <gtest/gtest.h>

using namespace plinth;
using namespace plinth::spec;

TEST(PipPackage, ParsesExactPinsWithExtras) {
  auto p = std::get<model::PipPackage>(parse_pip("TensorFlow[and-cuda]==2.16.1"));
  EXPECT_EQ(p.name, "tensorflow");
  EXPECT_EQ(p.extras, "and-cuda");
  EXPECT_EQ(p.op, "==");
  EXPECT_EQ(p.version, "2.16.1");
}

TEST(PipPackage, NormalizesNames) {
  EXPECT_EQ(normalize_pip_name("Scikit_Learn"), "scikit-learn");
  EXPECT_EQ(normalize_pip_name("opencv.python--headless"), "opencv-python-headless");
}

TEST(PipPackage, KeepsRangesAndBareNamesAsNotExact) {
  EXPECT_EQ(std::get<model::PipPackage>(parse_pip("numpy>=1.26")).op, ">=");
  EXPECT_EQ(std::get<model::PipPackage>(parse_pip("numpy>=1.26,<2")).op, "range");
  EXPECT_TRUE(std::get<model::PipPackage>(parse_pip("pandas")).op.empty());
}

TEST(PipPackage, RejectsGarbage) {
  EXPECT_TRUE(std::holds_alternative<std::string>(parse_pip("==1.0")));
  EXPECT_TRUE(std::holds_alternative<std::string>(parse_pip("numpy[x==1")));
  EXPECT_TRUE(std::holds_alternative<std::string>(parse_pip("numpy==1.0; python_version<'3.9'")));
  EXPECT_TRUE(std::holds_alternative<std::string>(parse_pip("numpy=1.0")));
}

TEST(AptPackage, ParsesNameAndVersion) {
  auto a = std::get<model::AptPackage>(parse_apt("python3.11=3.11.2-6+deb12u9"));
  EXPECT_EQ(a.name, "python3.11");
  EXPECT_EQ(a.version, "3.11.2-6+deb12u9");
  EXPECT_TRUE(std::holds_alternative<std::string>(parse_apt("Python3")));
  EXPECT_TRUE(std::holds_alternative<std::string>(parse_apt("git=")));
}

TEST(NpmPackage, HandlesScopes) {
  auto n = std::get<model::NpmPackage>(parse_npm("@vscode/ripgrep@1.15.11"));
  EXPECT_EQ(n.name, "@vscode/ripgrep");
  EXPECT_EQ(n.version, "1.15.11");
  EXPECT_TRUE(std::get<model::NpmPackage>(parse_npm("@scope/pkg")).version.empty());
}

TEST(Requirements, ReportsLineAndColumn) {
  auto r =
      parse_requirements("# deps\nnumpy==1.26.4\n  pandas>=2\n-r other.txt\n\n==bad\n", "req.txt");
  ASSERT_EQ(r.packages.size(), 2u);
  EXPECT_EQ(r.packages[1].pos.line, 3);
  EXPECT_EQ(r.packages[1].pos.column, 3);
  ASSERT_EQ(r.diags.items().size(), 2u);
  EXPECT_EQ(r.diags.items()[0].where.line, 4);
  EXPECT_EQ(r.diags.items()[1].where.line, 6);
}
