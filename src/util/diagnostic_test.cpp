// SPDX-License-Identifier: Apache-2.0
#include "util/diagnostic.hpp"
#include "util/line_index.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace plinth;

TEST(LineIndex, AgreesWithSourceLine) {
  for (std::string_view text : {"", "a", "a\n", "a\nb", "a\r\nb\r\n", "\n\n", "x\r", "a\n\r\nc"}) {
    const LineIndex index(text);
    for (int n = -1; n <= 5; ++n) {
      EXPECT_EQ(index.line(n), source_line(text, n)) << n << " in '" << text << "'";
    }
  }
}

TEST(LineIndex, CountsLinesAndStripsCrLf) {
  const LineIndex index("one\r\ntwo\nthree");
  EXPECT_EQ(index.line_count(), 3);
  EXPECT_EQ(index.line(1), "one");
  EXPECT_EQ(index.line(2), "two");
  EXPECT_EQ(index.line(3), "three");
  EXPECT_EQ(index.line(4), "");
  EXPECT_EQ(LineIndex("a\n").line_count(), 2);
}

TEST(LineIndex, ManyDiagnosticsAgainstOneSource) {
  std::string text;
  for (int i = 0; i < 50000; ++i) {
    text += "key" + std::to_string(i) + ": x\n";
  }
  const LineIndex index(text);
  std::size_t bytes = 0;
  for (int i = 1; i <= 50000; ++i) {
    bytes += format_diagnostic({Severity::error, {"f", i, 1}, "m", "c"}, index).size();
  }
  EXPECT_GT(bytes, 50000u * 20);
  EXPECT_EQ(format_diagnostic({Severity::error, {"f", 50000, 4}, "m", "c"}, index),
            "f:50000:4: error: m\n    key49999: x\n       ^");
}

TEST(Snippet, ShortLinesAreShownWhole) {
  const auto s = snippet("\tRUN x", 3);
  EXPECT_EQ(s.text, "\tRUN x");
  EXPECT_EQ(s.caret_pad, "\t ");
  EXPECT_EQ(snippet("ab", 0).caret_pad, "");
  EXPECT_EQ(snippet("ab", 9).caret_pad, "  "); // past the end: after the last byte
}

TEST(Snippet, LongLinesAreWindowedAroundTheColumn) {
  std::string line(100000, 'x');
  line[50000] = 'Y';
  const auto s = snippet(line, 50001);
  EXPECT_LE(s.text.size(), k_snippet_width + 6);
  EXPECT_TRUE(s.text.starts_with("\xE2\x80\xA6"));
  EXPECT_TRUE(s.text.ends_with("\xE2\x80\xA6"));
  // The caret column (one column for the leading "…") lands on the 'Y'.
  EXPECT_EQ(s.text.substr(3)[s.caret_pad.size() - 1], 'Y');

  const auto head = snippet(line, 2);
  EXPECT_EQ(head.text, line.substr(0, k_snippet_width) + "\xE2\x80\xA6");
  EXPECT_EQ(head.caret_pad, " ");
  const auto tail = snippet(line, 100000);
  EXPECT_EQ(tail.text, "\xE2\x80\xA6" + line.substr(100000 - k_snippet_width));
  EXPECT_EQ(tail.caret_pad.size(), k_snippet_width); // "…" plus 119 bytes before the last
}

TEST(Snippet, NeverSplitsUtf8) {
  std::string line;
  for (int i = 0; i < 200; ++i) {
    line += "\xC3\xA9"; // é
  }
  const auto s = snippet(line, 202); // the window edges fall inside a character
  const auto body = std::string_view(s.text).substr(3, s.text.size() - 6);
  EXPECT_EQ(body.size() % 2, 0u);
  EXPECT_EQ(static_cast<unsigned char>(body.front()), 0xC3);
}

TEST(Diagnostic, LongLineIsNotEchoedWhole) {
  const std::string src = "k: " + std::string(1 << 20, 'v') + "\n";
  const auto out = format_diagnostic({Severity::error, {"f", 1, 500000}, "m", "c"}, src);
  EXPECT_LT(out.size(), 400u);
  const auto caret_line = out.substr(out.rfind('\n') + 1);
  EXPECT_EQ(caret_line, "    " + std::string(k_snippet_width / 2 + 1, ' ') + "^");
}

TEST(Snippet, ControlCharactersAreNotEchoed) {
  const auto s = plinth::snippet("name: \"t\x1b[31m\"", 9);
  EXPECT_EQ(s.text.find('\x1b'), std::string::npos);
  EXPECT_NE(s.text.find("\xEF\xBF\xBD"), std::string::npos);
}

TEST(Snippet, CaretCountsCharactersNotBytes) {
  // Byte column 8 is the x after two two-byte characters: five characters precede it.
  const auto s = plinth::snippet("a: \xC3\xA4\xC3\xA4x", 8);
  EXPECT_EQ(s.caret_pad, "     ");
}
