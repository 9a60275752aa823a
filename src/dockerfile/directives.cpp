// SPDX-License-Identifier: Apache-2.0
#include "dockerfile/directives.hpp"

#include "dockerfile/words.hpp"

namespace plinth::dockerfile {
namespace {

bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_alnum(char c) {
  return is_alpha(c) || (c >= '0' && c <= '9');
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

} // namespace

std::optional<DirectiveMatch> match_directive(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && is_blank(line[i])) {
    ++i;
  }
  if (i >= line.size() || line[i] != '#') {
    return std::nullopt;
  }
  const std::size_t hash = i++;
  while (i < line.size() && is_blank(line[i])) {
    ++i;
  }
  const std::size_t k = i;
  if (i >= line.size() || !is_alpha(line[i])) {
    return std::nullopt;
  }
  while (i < line.size() && is_alnum(line[i])) {
    ++i;
  }
  const auto key = line.substr(k, i - k);
  while (i < line.size() && is_blank(line[i])) {
    ++i;
  }
  if (i >= line.size() || line[i] != '=') {
    return std::nullopt;
  }
  ++i;
  while (i < line.size() && is_blank(line[i])) {
    ++i;
  }
  auto value = line.substr(i);
  while (!value.empty() && is_blank(value.back())) {
    value.remove_suffix(1);
  }
  if (value.empty()) {
    return std::nullopt;
  }
  return DirectiveMatch{lower(key), std::string(value), hash + 1};
}

std::size_t read_directives(const std::vector<PhysicalLine>& lines, Dockerfile& df,
                            const ParseSink& sink) {
  std::size_t i = 0;
  for (; i < lines.size(); ++i) {
    const auto m = match_directive(lines[i].text);
    if (!m || (m->key != "syntax" && m->key != "escape" && m->key != "check")) {
      break;
    }
    const Pos pos{lines[i].number, static_cast<int>(m->column)};
    if (df.directive(m->key) != nullptr) {
      sink.error(pos, "dockerfile-directive",
                 "only one " + m->key + " parser directive can be used");
      continue;
    }
    if (m->key == "escape") {
      if (m->value != "\\" && m->value != "`") {
        sink.error(pos, "dockerfile-directive",
                   "invalid escape token '" + m->value + "' does not match ` or \\");
      } else {
        df.escape = m->value[0];
      }
    }
    df.directives.push_back({m->key, m->value, pos});
  }
  return i;
}

} // namespace plinth::dockerfile
