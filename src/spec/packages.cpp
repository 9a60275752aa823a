// SPDX-License-Identifier: Apache-2.0
#include "spec/packages.hpp"

#include "spec/grammar.hpp"

#include <cctype>

namespace plinth::spec {
namespace {

bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_' || c == '.';
}

std::string trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())) != 0)
    s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0)
    s.remove_suffix(1);
  return std::string(s);
}

constexpr std::string_view k_pip_ops[] = {"===", "==", "~=", "!=", ">=", "<=", ">", "<"};

// One "op version" clause of a PEP 440 specifier; nullopt when valid.
std::optional<std::string> pip_clause_problem(std::string_view clause, const std::string& text) {
  const auto c = trim(clause);
  std::string_view op;
  for (const auto o : k_pip_ops) {
    if (std::string_view(c).substr(0, o.size()) == o) {
      op = o;
      break;
    }
  }
  if (op.empty()) return "cannot read the version constraint of '" + text + "'";
  const auto version = trim(std::string_view(c).substr(op.size()));
  if (op == "===") {
    if (version.empty() || version.find_first_of(" \t,;") != std::string::npos)
      return "invalid version '" + version + "' in '" + text + "'";
    return std::nullopt;
  }
  if (grammar::pep440_version(version, op == "==" || op == "!=")) {
    return "invalid version '" + version + "' in '" + text + "' (not a PEP 440 version)";
  }
  return std::nullopt;
}

} // namespace

std::string normalize_pip_name(std::string_view name) {
  std::string out;
  bool sep = false;
  for (char c : name) {
    if (c == '-' || c == '_' || c == '.') {
      sep = true;
      continue;
    }
    if (sep && !out.empty()) out += '-';
    sep = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::variant<model::PipPackage, std::string> parse_pip(std::string_view text) {
  model::PipPackage p;
  p.text = trim(text);
  std::string_view s = p.text;
  std::size_t i = 0;
  while (i < s.size() && is_name_char(s[i]))
    ++i;
  if (i == 0) {
    return std::string("'") + p.text + "' is not a pip requirement (expected name==version)";
  }
  if (auto bad = grammar::pip_name(s.substr(0, i))) {
    return "'" + std::string(s.substr(0, i)) + "' " + *bad;
  }
  p.name = normalize_pip_name(s.substr(0, i));
  if (i < s.size() && s[i] == '[') {
    const auto close = s.find(']', i);
    if (close == std::string_view::npos) {
      return "unterminated extras in '" + p.text + "'";
    }
    p.extras = trim(s.substr(i + 1, close - i - 1));
    std::size_t start = 0;
    while (start <= p.extras.size()) {
      auto comma = p.extras.find(',', start);
      if (comma == std::string::npos) comma = p.extras.size();
      const auto extra = trim(std::string_view(p.extras).substr(start, comma - start));
      if (grammar::pip_name(extra)) {
        return "extra '" + extra + "' in '" + p.text + "' is not a name (letters, digits, . - _)";
      }
      start = comma + 1;
    }
    i = close + 1;
  }
  while (i < s.size() && s[i] == ' ')
    ++i;
  if (i == s.size()) {
    return p;
  }
  if (s.find(';', i) != std::string_view::npos) {
    return "environment markers are not supported in '" + p.text + "'";
  }
  if (s[i] == '@') {
    return "direct URL references are not supported in '" + p.text +
           "': name a version from the package index";
  }
  for (const auto op : k_pip_ops) {
    if (s.substr(i, op.size()) == op) {
      p.op = std::string(op);
      break;
    }
  }
  if (p.op.empty()) {
    return "cannot read the version constraint of '" + p.text + "'";
  }
  const auto rest = trim(s.substr(i + p.op.size()));
  if (rest.find(',') != std::string::npos) {
    // Several clauses: each must be valid; kept verbatim, this is not an exact pin.
    const auto spec = trim(s.substr(i));
    std::size_t start = 0;
    while (start <= spec.size()) {
      auto comma = spec.find(',', start);
      if (comma == std::string::npos) comma = spec.size();
      if (auto bad =
              pip_clause_problem(std::string_view(spec).substr(start, comma - start), p.text)) {
        return *bad;
      }
      start = comma + 1;
    }
    p.op = "range";
    p.version = spec;
    return p;
  }
  if (auto bad = pip_clause_problem(s.substr(i), p.text)) return *bad;
  p.version = rest;
  return p;
}

std::variant<model::AptPackage, std::string> parse_apt(std::string_view text) {
  model::AptPackage a;
  const auto t = trim(text);
  const auto eq = t.find('=');
  a.name = t.substr(0, eq);
  if (eq != std::string::npos) {
    a.version = t.substr(eq + 1);
    if (a.version.empty()) {
      return "empty version in '" + t + "'";
    }
  }
  if (a.name.size() < 2 || std::isalnum(static_cast<unsigned char>(a.name[0])) == 0) {
    return "'" + t + "' is not a Debian package name";
  }
  if (auto bad = grammar::debian_package_name(a.name)) {
    return "'" + a.name + "' " + *bad;
  }
  if (!a.version.empty()) {
    if (auto bad = grammar::debian_version(a.version)) {
      return "invalid version in '" + t + "': '" + a.version + "' " + *bad;
    }
  }
  return a;
}

std::variant<model::NpmPackage, std::string> parse_npm(std::string_view text) {
  model::NpmPackage n;
  const auto t = trim(text);
  // The version separator is the last '@' that is not the scope's leading '@'.
  const auto at = t.rfind('@');
  if (at == std::string::npos || at == 0) {
    n.name = t;
  } else {
    n.name = t.substr(0, at);
    n.version = t.substr(at + 1);
    if (n.version.empty()) {
      return "empty version in '" + t + "'";
    }
  }
  if (n.name.empty() || n.name.find(' ') != std::string::npos) {
    return "'" + t + "' is not an npm package name";
  }
  if (auto bad = grammar::npm_name(n.name)) return "'" + n.name + "' " + *bad;
  if (!n.version.empty()) {
    if (auto bad = grammar::npm_version(n.version)) {
      return "invalid version in '" + t + "': '" + n.version + "' " + *bad;
    }
  }
  return n;
}

RequirementsResult parse_requirements(std::string_view text, const std::string& file) {
  RequirementsResult r;
  int line_no = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    ++line_no;
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    const auto hash = line.find('#');
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    std::size_t col = 0;
    while (col < line.size() && std::isspace(static_cast<unsigned char>(line[col])) != 0)
      ++col;
    const auto content = trim(line);
    if (content.empty()) {
      if (end == text.size()) break;
      continue;
    }
    const SourcePos where{file, line_no, static_cast<int>(col) + 1};
    if (content[0] == '-') {
      r.diags.error(where, "requirements-option",
                    "option lines ('" + content + "') are not supported; list packages directly");
    } else {
      auto parsed = parse_pip(content);
      if (auto* err = std::get_if<std::string>(&parsed)) {
        r.diags.error(where, "bad-package", *err);
      } else {
        auto p = std::get<model::PipPackage>(std::move(parsed));
        p.pos = where;
        r.packages.push_back(std::move(p));
      }
    }
    if (end == text.size()) break;
  }
  return r;
}

} // namespace plinth::spec
