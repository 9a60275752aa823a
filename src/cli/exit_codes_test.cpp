// SPDX-License-Identifier: Apache-2.0
#include "cli/exit_codes.hpp"

#include <gtest/gtest.h>

using namespace plinth;
using namespace plinth::cli;

namespace {

int code(Errc c) {
  return exit_code_for(Error(c, "x"));
}

// The table in docs/cli.md.
TEST(ExitCodes, FollowTheDocumentedTable) {
  EXPECT_EQ(code(Errc::invalid_input), 2);
  EXPECT_EQ(code(Errc::not_found), 2);
  EXPECT_EQ(code(Errc::io), 2);
  EXPECT_EQ(code(Errc::unavailable), 3);
  EXPECT_EQ(code(Errc::unauthorized), 3);
  EXPECT_EQ(code(Errc::timeout), 3);
  EXPECT_EQ(code(Errc::protocol), 3);
  EXPECT_EQ(code(Errc::conflict), 4);
  EXPECT_EQ(code(Errc::internal), 70);
  EXPECT_EQ(code(Errc::cancelled), 130);
}

TEST(ExitCodes, NoErrorIsMistakenForFindings) {
  for (int c = 0; c <= static_cast<int>(Errc::internal); ++c) {
    EXPECT_NE(code(static_cast<Errc>(c)), k_exit_findings) << c;
    EXPECT_NE(code(static_cast<Errc>(c)), k_exit_ok) << c;
  }
}

} // namespace
