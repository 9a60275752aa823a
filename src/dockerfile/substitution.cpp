// SPDX-License-Identifier: Apache-2.0
#include "dockerfile/substitution.hpp"

#include "dockerfile/glob.hpp"

#include <algorithm>

namespace plinth::dockerfile {
namespace {

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_special(char c) {
  return c == '@' || c == '*' || c == '#' || c == '?' || c == '-' || c == '$' || c == '!' ||
         c == '0';
}

class Expander {
public:
  Expander(const Lookup& lookup, char escape, Expansion& out)
      : m_lookup(lookup), m_escape(escape), m_out(out) {}

  std::string run(std::string_view s);

private:
  std::size_t dollar(std::string_view s, std::size_t i, std::string& out);
  std::size_t braced(std::string_view s, std::size_t i, std::string& out);
  std::string apply(std::string_view name, std::string_view op, std::string_view word);
  const std::string* get(std::string_view name);

  const Lookup& m_lookup;
  char m_escape;
  Expansion& m_out;
};

const std::string* Expander::get(std::string_view name) {
  m_out.referenced.emplace_back(name);
  return m_lookup ? m_lookup(name) : nullptr;
}

std::string Expander::run(std::string_view s) {
  std::string out;
  char quote = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (quote == '\'') {
      quote = c == '\'' ? 0 : quote;
      if (quote != 0) {
        out += c;
      }
      ++i;
    } else if (c == m_escape && i + 1 < s.size()) {
      const char n = s[i + 1];
      if (quote == '"' && n != '"' && n != '$' && n != m_escape) {
        out += c;
      } else {
        out += n;
        ++i;
      }
      ++i;
    } else if (c == '$') {
      i = dollar(s, i, out);
    } else if (quote == 0 && (c == '\'' || c == '"')) {
      quote = c;
      ++i;
    } else if (quote == '"' && c == '"') {
      quote = 0;
      ++i;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

std::size_t Expander::dollar(std::string_view s, std::size_t i, std::string& out) {
  const std::size_t n = i + 1;
  if (n >= s.size()) {
    out += '$';
    return n;
  }
  if (s[n] == '{') {
    return braced(s, n + 1, out);
  }
  std::size_t e = n;
  if (is_digit(s[n])) {
    while (e < s.size() && is_digit(s[e])) {
      ++e;
    }
    return e; // positional parameters are always empty in a Dockerfile
  }
  while (e < s.size() && is_name_char(s[e])) {
    ++e;
  }
  if (e == n) {
    if (is_special(s[n])) {
      return n + 1;
    }
    out += '$';
    return n;
  }
  const auto name = s.substr(n, e - n);
  if (const auto* v = get(name)) {
    out += *v;
  } else {
    m_out.undefined.emplace_back(name);
  }
  return e;
}

// `i` is just after "${"; returns the index after the closing '}'.
std::size_t Expander::braced(std::string_view s, std::size_t i, std::string& out) {
  std::size_t e = i;
  while (e < s.size() && is_name_char(s[e])) {
    ++e;
  }
  if (e == i && e < s.size() && is_special(s[e])) {
    ++e;
  }
  const auto name = s.substr(i, e - i);
  if (name.empty()) {
    m_out.errors.emplace_back("bad substitution");
    return s.size();
  }
  // Find the matching '}' (nested ${…} allowed in the word).
  int depth = 1;
  std::size_t j = e;
  for (; j < s.size(); ++j) {
    if (s[j] == m_escape && j + 1 < s.size()) {
      ++j;
    } else if (s[j] == '$' && j + 1 < s.size() && s[j + 1] == '{') {
      ++depth;
      ++j;
    } else if (s[j] == '}' && --depth == 0) {
      break;
    }
  }
  if (j >= s.size()) {
    m_out.errors.emplace_back("missing '}' in substitution of " + std::string(name));
    return s.size();
  }
  auto rest = s.substr(e, j - e);
  std::string_view op;
  if (!rest.empty()) {
    const std::size_t oplen =
        (rest.size() >= 2 &&
         (rest.substr(0, 2) == ":-" || rest.substr(0, 2) == ":+" || rest.substr(0, 2) == ":?" ||
          rest.substr(0, 2) == "##" || rest.substr(0, 2) == "%%" || rest.substr(0, 2) == "//"))
            ? 2
            : 1;
    op = rest.substr(0, oplen);
    static constexpr std::string_view k_ops = "-+?#%/";
    if (oplen == 1 && k_ops.find(op[0]) == std::string_view::npos) {
      m_out.errors.emplace_back("unsupported modifier (" + std::string(rest) +
                                ") in substitution of " + std::string(name));
      get(name);
      return j + 1;
    }
    rest.remove_prefix(oplen);
  }
  out += apply(name, op, rest);
  return j + 1;
}

// ${v#p} ${v##p} (prefix) and ${v%p} ${v%%p} (suffix: the reversed pattern on the
// reversed value).
std::string strip_match(std::string_view v, std::string_view pat, bool prefix, bool longest) {
  if (prefix) {
    const Glob g(pat);
    const auto len = longest ? g.longest_prefix(v) : g.shortest_prefix(v);
    return std::string(len == std::string_view::npos ? v : v.substr(len));
  }
  const std::string rv(v.rbegin(), v.rend());
  const Glob g = Glob(pat).reversed();
  const auto len = longest ? g.longest_prefix(rv) : g.shortest_prefix(rv);
  return std::string(len == std::string_view::npos ? v : v.substr(0, v.size() - len));
}

// ${v/p/r} replaces the leftmost longest non-empty match, ${v//p/r} every one.
std::string replace_match(std::string_view v, std::string_view spec, bool all) {
  const auto slash = spec.find('/');
  const Glob pat(spec.substr(0, slash));
  const auto repl = slash == std::string_view::npos ? std::string_view{} : spec.substr(slash + 1);
  std::string out;
  std::size_t i = 0;
  while (!pat.empty() && i < v.size()) {
    const auto m = pat.find(v, i);
    if (!m) {
      break;
    }
    out += v.substr(i, m->start - i);
    out += repl;
    i = m->start + m->length;
    if (!all) {
      break;
    }
  }
  out += v.substr(std::min(i, v.size()));
  return out;
}

std::string Expander::apply(std::string_view name, std::string_view op, std::string_view word) {
  const std::string* v = get(name);
  const bool colon = !op.empty() && op[0] == ':';
  const char kind = op.empty() ? 0 : op[colon ? 1 : 0];
  const bool set = v != nullptr && (!colon || !v->empty());
  switch (kind) {
  case '-': return set ? *v : run(word);
  case '+': return set ? run(word) : std::string();
  case '?':
    if (!set) {
      const auto msg = run(word);
      m_out.errors.push_back(std::string(name) + ": " +
                             (msg.empty() ? "is not allowed to be unset" : msg));
      return {};
    }
    return *v;
  default: break;
  }
  if (v == nullptr) {
    m_out.undefined.emplace_back(name);
  }
  const std::string_view value = v ? std::string_view(*v) : std::string_view{};
  const auto pattern = run(word);
  if (op == "#" || op == "##") {
    return strip_match(value, pattern, true, op.size() == 2);
  }
  if (op == "%" || op == "%%") {
    return strip_match(value, pattern, false, op.size() == 2);
  }
  if (op == "/" || op == "//") {
    return replace_match(value, word, op.size() == 2);
  }
  return std::string(value);
}

} // namespace

bool glob_match(std::string_view p, std::string_view t) {
  std::size_t pi = 0;
  std::size_t ti = 0;
  std::size_t star = std::string_view::npos;
  std::size_t mark = 0;
  while (ti < t.size()) {
    if (pi < p.size() && p[pi] == '*') {
      star = pi++;
      mark = ti;
      continue;
    }
    if (pi < p.size()) {
      const bool esc = p[pi] == '\\' && pi + 1 < p.size();
      const char pc = esc ? p[pi + 1] : p[pi];
      if ((!esc && pc == '?') || pc == t[ti]) {
        pi += esc ? 2 : 1;
        ++ti;
        continue;
      }
    }
    if (star == std::string_view::npos) {
      return false;
    }
    pi = star + 1;
    ti = ++mark;
  }
  while (pi < p.size() && p[pi] == '*') {
    ++pi;
  }
  return pi == p.size();
}

Expansion expand_word(std::string_view raw, const Lookup& lookup, char escape) {
  Expansion out;
  bool plain = true;
  for (const char c : raw) {
    if (c == '$' || c == '\'' || c == '"' || c == escape) {
      plain = false;
      break;
    }
  }
  if (plain) { // nothing to expand or remove: the word is its own value
    out.value = std::string(raw);
    return out;
  }
  Expander ex(lookup, escape, out);
  out.value = ex.run(raw);
  return out;
}

} // namespace plinth::dockerfile
