// SPDX-License-Identifier: Apache-2.0
#include "dockerfile/parser.hpp"

#include "dockerfile/directives.hpp"
#include "dockerfile/heredoc.hpp"
#include "dockerfile/instruction_parser.hpp"
#include "dockerfile/source_map.hpp"
#include "dockerfile/words.hpp"

namespace plinth::dockerfile {
namespace {

constexpr std::size_t k_max_line = 64 * 1024; // bufio.MaxScanTokenSize in BuildKit

std::size_t first_non_blank(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && is_blank(s[i])) {
    ++i;
  }
  return i;
}

// Ends with the escape character (blanks after it allowed), not itself escaped.
bool continues(std::string_view s, char escape, std::size_t& cut) {
  std::size_t e = s.size();
  while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\t')) {
    --e;
  }
  if (e == 0 || s[e - 1] != escape) {
    return false;
  }
  if (e >= 2 && s[e - 2] == escape) {
    return false;
  }
  cut = e - 1;
  return true;
}

class Parser {
public:
  Parser(std::string_view source, std::string_view file, ParseResult& out)
      : m_lines(split_lines(source)), m_out(out), m_sink{out.diagnostics, std::string(file)} {}

  void run();

private:
  void comment(const PhysicalLine& l, std::size_t col);
  void instruction(std::size_t col);

  std::vector<PhysicalLine> m_lines;
  LogicalLine m_logical; // reused: one allocation for all instructions
  ParseResult& m_out;
  ParseSink m_sink;
  std::size_t m_i = 0;
  std::vector<std::string> m_pending;
  int m_pending_line = 0;
};

void Parser::comment(const PhysicalLine& l, std::size_t col) {
  auto text = l.text.substr(col + 1);
  const auto b = first_non_blank(text);
  text.remove_prefix(b);
  while (!text.empty() && is_blank(text.back())) {
    text.remove_suffix(1);
  }
  m_out.dockerfile.comments.push_back({std::string(text), {l.number, static_cast<int>(col) + 1}});
  if (text.empty()) {
    m_pending.clear(); // a bare '#' separates comment blocks (BuildKit)
    return;
  }
  m_pending.emplace_back(text);
  m_pending_line = l.number;
}

void Parser::instruction(std::size_t col) {
  const char esc = m_out.dockerfile.escape;
  LogicalLine& logical = m_logical;
  logical.clear();
  const auto& first = m_lines[m_i];
  logical.append(first.text.substr(col), {first.number, static_cast<int>(col) + 1});
  int last_line = first.number;
  std::size_t cut = 0;
  while (continues(logical.text(), esc, cut)) {
    logical.truncate(cut);
    ++m_i;
    // Comment and blank lines inside a continuation are dropped.
    while (m_i < m_lines.size()) {
      const auto& l = m_lines[m_i];
      const auto nb = first_non_blank(l.text);
      if (nb == l.text.size()) {
        m_sink.warning({l.number, 1}, "empty-continuation",
                       "empty continuation line (will become an error in a future BuildKit)");
      } else if (l.text[nb] == '#') {
        m_out.dockerfile.comments.push_back(
            {std::string(l.text.substr(nb + 1)), {l.number, static_cast<int>(nb) + 1}});
      } else {
        break;
      }
      ++m_i;
    }
    if (m_i >= m_lines.size()) {
      break;
    }
    logical.append(m_lines[m_i].text, {m_lines[m_i].number, 1});
    last_line = m_lines[m_i].number;
  }
  ++m_i;
  Instruction inst = parse_instruction(logical, 0, esc, m_sink);
  inst.end_line = last_line;
  inst.comments = std::move(m_pending);
  inst.comment_line = inst.comments.empty() ? 0 : m_pending_line;
  m_pending.clear();
  const Instruction& target = inst.trigger ? *inst.trigger : inst;
  if (!target.heredocs.empty()) {
    m_i = read_heredoc_bodies(m_lines, m_i, inst, m_sink);
  }
  m_out.dockerfile.instructions.push_back(std::move(inst));
}

// At most one instruction per line that is neither blank nor a comment: reserving that
// spares the reallocations (and moves) of a vector of big Instructions.
std::size_t max_instructions(const std::vector<PhysicalLine>& lines) {
  std::size_t n = 0;
  for (const auto& l : lines) {
    const auto col = first_non_blank(l.text);
    n += col < l.text.size() && l.text[col] != '#' ? 1 : 0;
  }
  return n;
}

void Parser::run() {
  m_out.dockerfile.line_count = static_cast<int>(m_lines.size());
  m_out.dockerfile.instructions.reserve(max_instructions(m_lines));
  m_i = read_directives(m_lines, m_out.dockerfile, m_sink);
  while (m_i < m_lines.size()) {
    const auto& l = m_lines[m_i];
    if (l.text.size() > k_max_line) {
      m_sink.error({l.number, 1}, "dockerfile-line-too-long",
                   "dockerfile line greater than max allowed size of 65535");
      ++m_i;
      continue;
    }
    const auto col = first_non_blank(l.text);
    if (col == l.text.size()) {
      ++m_i;
      continue;
    }
    if (l.text[col] == '#') {
      comment(l, col);
      ++m_i;
      continue;
    }
    instruction(col);
  }
  if (m_out.dockerfile.instructions.empty()) {
    m_sink.error({m_lines.empty() ? 1 : 1, 1}, "dockerfile-empty", "file with no instructions");
  }
}

} // namespace

ParseResult parse(std::string_view source, std::string_view file) {
  ParseResult out;
  Parser p(source, file, out);
  p.run();
  return out;
}

} // namespace plinth::dockerfile
