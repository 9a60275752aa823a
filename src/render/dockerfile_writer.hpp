// SPDX-License-Identifier: Apache-2.0
// Small helper that writes Dockerfile text with consistent layout: comments, instructions
// and multi-line RUN commands joined with " \" continuations.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace plinth::render {

class DockerfileWriter {
public:
  void line(std::string_view text);
  void blank();
  void comment(std::string_view text);
  // `head` then each of `parts` on its own continuation line, indented.
  void continued(std::string_view head, const std::vector<std::string>& parts,
                 std::string_view indent = "    ");
  const std::string& text() const { return m_out; }

private:
  std::string m_out;
};

// Appends a step to a `continued` shell chain: "&& step", or just "step" when it is first.
void and_then(std::vector<std::string>& parts, std::string_view step);

// Double-quoted Dockerfile string with backslashes, quotes and $ escaped.
std::string quote(std::string_view value);
// A word for a shell command line: left bare when safe, single-quoted otherwise.
std::string shell_word(std::string_view value);

} // namespace plinth::render
