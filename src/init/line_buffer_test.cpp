// SPDX-License-Identifier: Apache-2.0
#include "init/line_buffer.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace plinth::init {
namespace {

struct Collect {
  std::vector<std::string> lines;
  std::function<void(std::string_view)> fn = [this](std::string_view l) { lines.emplace_back(l); };
};

TEST(InitLineBuffer, JoinsPartialWrites) {
  LineBuffer b;
  Collect c;
  b.feed("hel", c.fn);
  EXPECT_TRUE(c.lines.empty());
  b.feed("lo\nwor", c.fn);
  b.feed("ld\n\nlast", c.fn);
  EXPECT_EQ(c.lines, (std::vector<std::string>{"hello", "world", ""}));
  EXPECT_EQ(b.pending(), 4u);
  b.flush(c.fn);
  EXPECT_EQ(c.lines.back(), "last");
  EXPECT_EQ(b.pending(), 0u);
  b.flush(c.fn);
  EXPECT_EQ(c.lines.size(), 4u);
}

TEST(InitLineBuffer, CapsVeryLongLines) {
  LineBuffer b(8);
  Collect c;
  b.feed("abcdefghijkl", c.fn);
  b.feed("mnopqrs\n", c.fn);
  EXPECT_EQ(c.lines, (std::vector<std::string>{"abcdefgh", "ijklmnop", "qrs"}));
  c.lines.clear();
  b.feed("12345678\n", c.fn); // exactly the cap: one line, no empty extra line
  EXPECT_EQ(c.lines, (std::vector<std::string>{"12345678"}));
}

TEST(InitLineBuffer, EveryByteArrivesOnce) {
  LineBuffer b(64);
  Collect c;
  std::string input;
  for (int i = 0; i < 500; ++i) {
    input +=
        "line " + std::to_string(i) + std::string(static_cast<std::size_t>(i % 90), 'x') + "\n";
  }
  for (std::size_t pos = 0, step = 1; pos < input.size(); pos += step, step = step % 13 + 1) {
    b.feed(std::string_view(input).substr(pos, step), c.fn);
  }
  std::string joined;
  for (const auto& l : c.lines) {
    EXPECT_LE(l.size(), 64u);
    joined += l;
  }
  std::string expected;
  for (char ch : input) {
    if (ch != '\n') {
      expected += ch;
    }
  }
  EXPECT_EQ(joined, expected);
}

TEST(InitLineBuffer, PrefixesWithServiceName) {
  EXPECT_EQ(prefix_line("jupyter", "up"), "[jupyter] up\n");
}

} // namespace
} // namespace plinth::init
