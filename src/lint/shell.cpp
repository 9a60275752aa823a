// SPDX-License-Identifier: Apache-2.0
#include "lint/shell.hpp"

#include <array>

namespace plinth::lint {
namespace {

bool word_gap(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}

// Characters with no meaning to the word reader in any quoting state.
bool plain(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.' || c == '/' || c == '=' || c == ':' || c == ',' || c == '+' ||
         c == '@' || c == '%' || c == '*';
}

bool is_assignment(std::string_view w) {
  const auto eq = w.find('=');
  if (eq == 0 || eq == std::string_view::npos) {
    return false;
  }
  for (std::size_t i = 0; i < eq; ++i) {
    const char c = w[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
          (i > 0 && c >= '0' && c <= '9'))) {
      return false;
    }
  }
  return true;
}

std::string_view basename(std::string_view w) {
  const auto slash = w.rfind('/');
  return slash == std::string_view::npos ? w : w.substr(slash + 1);
}

// Skips wrappers so `sudo -E env X=1 apt-get install` finds apt-get.
std::size_t find_program(const std::vector<ShellWord>& w) {
  static constexpr std::array<std::string_view, 8> k_wrappers = {"sudo", "env",     "time", "nohup",
                                                                 "exec", "command", "nice", "gosu"};
  std::size_t i = 0;
  while (i < w.size()) {
    const auto name = basename(w[i].text);
    if (is_assignment(w[i].text) || name == "(" || name == "{" || name == "!" || name == "then" ||
        name == "do" || name == "else") {
      ++i;
      continue;
    }
    bool wrapper = false;
    for (auto k : k_wrappers) {
      wrapper = wrapper || name == k;
    }
    if (!wrapper) {
      return i;
    }
    const bool takes_user = name == "gosu";
    ++i;
    while (i < w.size() && !w[i].text.empty() && w[i].text[0] == '-') {
      const auto& f = w[i].text;
      ++i;
      if (name == "sudo" && (f == "-u" || f == "-g") && i < w.size()) {
        ++i;
      }
    }
    if (takes_user && i < w.size()) {
      ++i;
    }
  }
  return i;
}

class Reader {
public:
  explicit Reader(std::string_view s) : m_s(s) {}
  ShellScript run();

private:
  void end_command(bool pipe);
  std::size_t word(std::size_t i);

  std::string_view m_s;
  ShellScript m_out;
  ShellCommand m_cur;
  bool m_pipe_in = false;
};

void Reader::end_command(bool pipe) {
  if (!m_cur.words.empty()) {
    m_cur.pipe_in = m_pipe_in;
    m_cur.pipe_out = pipe;
    m_cur.program = find_program(m_cur.words);
    if (m_cur.program < m_cur.words.size()) {
      const auto& t = m_cur.words[m_cur.program].text;
      const auto slash = t.rfind('/');
      m_cur.name_offset = slash == std::string::npos ? 0 : slash + 1;
    }
    m_out.has_pipe = m_out.has_pipe || pipe;
    m_out.commands.push_back(std::move(m_cur));
    m_cur = ShellCommand{}; // its words are reserved by the first word()
  }
  m_pipe_in = pipe;
}

// Reads one word starting at i; returns the index after it.
std::size_t Reader::word(std::size_t i) {
  ShellWord w{{}, i, false};
  char quote = 0;
  int paren = 0; // $( … ) nesting: kept inside the word
  for (; i < m_s.size(); ++i) {
    // Copy runs of ordinary characters at once.
    std::size_t run = i;
    while (run < m_s.size() && plain(m_s[run])) {
      ++run;
    }
    if (run > i) {
      w.text.append(m_s.substr(i, run - i));
      i = run;
      if (i >= m_s.size()) {
        break;
      }
    }
    const char c = m_s[i];
    if (quote == 0 && paren == 0 &&
        (word_gap(c) || c == '\n' || c == ';' || c == '&' || c == '|' || c == ')')) {
      break;
    }
    if (c == '\\' && quote != '\'' && i + 1 < m_s.size()) {
      if (m_s[i + 1] != '\n') {
        w.text += m_s[i + 1];
      }
      ++i;
      continue;
    }
    if (quote == 0 && (c == '\'' || c == '"')) {
      quote = c;
      w.quoted = true;
    } else if (quote != 0 && c == quote) {
      quote = 0;
    } else {
      if (quote != '\'' && c == '(' && i > 0 && m_s[i - 1] == '$') {
        ++paren;
      } else if (quote != '\'' && c == ')' && paren > 0) {
        --paren;
      }
      w.text += c;
    }
  }
  if (m_cur.words.capacity() == 0) {
    m_cur.words.reserve(8);
  }
  m_cur.words.push_back(std::move(w));
  return i;
}

ShellScript Reader::run() {
  std::size_t i = 0;
  m_out.commands.reserve(8);
  while (i < m_s.size()) {
    const char c = m_s[i];
    if (word_gap(c)) {
      ++i;
    } else if (c == '\\' && i + 1 < m_s.size() && m_s[i + 1] == '\n') {
      i += 2;
    } else if (c == '#' && m_cur.words.empty()) {
      while (i < m_s.size() && m_s[i] != '\n') {
        ++i;
      }
    } else if (c == '|' && i + 1 < m_s.size() && m_s[i + 1] == '|') {
      end_command(false);
      i += 2;
    } else if (c == '|') {
      end_command(true);
      ++i;
    } else if (c == '&' || c == ';' || c == '\n' || c == '(' || c == ')') {
      end_command(false);
      ++i;
    } else {
      i = word(i);
    }
  }
  end_command(false);
  return std::move(m_out);
}

} // namespace

std::string_view ShellCommand::name() const {
  return program < words.size() ? std::string_view(words[program].text).substr(name_offset)
                                : std::string_view{};
}

std::string_view ShellCommand::arg(std::size_t i) const {
  const auto k = program + 1 + i;
  return k < words.size() ? std::string_view(words[k].text) : std::string_view{};
}

std::size_t ShellCommand::arg_count() const {
  return words.size() > program + 1 ? words.size() - program - 1 : 0;
}

bool ShellCommand::has(std::string_view word) const {
  for (std::size_t i = program + 1; i < words.size(); ++i) {
    if (words[i].text == word) {
      return true;
    }
  }
  return false;
}

std::vector<const ShellCommand*> ShellScript::find(std::string_view name) const {
  std::vector<const ShellCommand*> out;
  for (const auto& c : commands) {
    if (c.name() == name) {
      out.push_back(&c);
    }
  }
  return out;
}

bool ShellScript::runs(std::string_view name) const {
  for (const auto& c : commands) {
    if (c.name() == name) {
      return true;
    }
  }
  return false;
}

ShellScript parse_shell(std::string_view script) {
  return Reader(script).run();
}

} // namespace plinth::lint
