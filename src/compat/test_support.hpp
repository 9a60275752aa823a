// SPDX-License-Identifier: Apache-2.0
// Shared by the compat tests: the embedded database and a version literal.
#pragma once

#include "compat/db.hpp"

#include <gtest/gtest.h>

#include <string_view>

namespace plinth::compat::testing {

inline const Db& db() {
  return Db::builtin(); // aborts with the parser's diagnostics if the data is invalid
}

inline Version v(std::string_view s) {
  auto parsed = Version::parse(s);
  EXPECT_TRUE(parsed.has_value()) << s;
  return parsed.value_or(Version{});
}

} // namespace plinth::compat::testing
