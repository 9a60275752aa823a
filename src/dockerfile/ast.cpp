// SPDX-License-Identifier: Apache-2.0
#include "dockerfile/ast.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace plinth::dockerfile {
namespace {

constexpr std::array<std::pair<Keyword, std::string_view>, 18> k_names = {{
    {Keyword::from, "FROM"},
    {Keyword::run, "RUN"},
    {Keyword::cmd, "CMD"},
    {Keyword::label, "LABEL"},
    {Keyword::maintainer, "MAINTAINER"},
    {Keyword::expose, "EXPOSE"},
    {Keyword::env, "ENV"},
    {Keyword::add, "ADD"},
    {Keyword::copy, "COPY"},
    {Keyword::entrypoint, "ENTRYPOINT"},
    {Keyword::volume, "VOLUME"},
    {Keyword::user, "USER"},
    {Keyword::workdir, "WORKDIR"},
    {Keyword::arg, "ARG"},
    {Keyword::onbuild, "ONBUILD"},
    {Keyword::stopsignal, "STOPSIGNAL"},
    {Keyword::healthcheck, "HEALTHCHECK"},
    {Keyword::shell, "SHELL"},
}};

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    if (c >= 'a' && c <= 'z') {
      c = static_cast<char>(c - 'a' + 'A');
    }
    if (c != b[i]) {
      return false;
    }
  }
  return true;
}

} // namespace

std::string_view keyword_name(Keyword k) {
  for (const auto& [kw, name] : k_names) {
    if (kw == k) {
      return name;
    }
  }
  return "";
}

Keyword keyword_from(std::string_view word) {
  for (const auto& [kw, name] : k_names) {
    if (iequals(word, name)) {
      return kw;
    }
  }
  return Keyword::unknown;
}

const Flag* Instruction::flag(std::string_view name) const {
  for (const auto& f : flags) {
    if (f.name == name) {
      return &f;
    }
  }
  return nullptr;
}

std::vector<const Flag*> Instruction::flags_named(std::string_view name) const {
  std::vector<const Flag*> out;
  for (const auto& f : flags) {
    if (f.name == name) {
      out.push_back(&f);
    }
  }
  return out;
}

Pos Instruction::pos_in_text(std::size_t offset) const {
  if (text_map.empty()) { // `text` is one piece starting at text_pos
    return {text_pos.line, text_pos.column + static_cast<int>(offset)};
  }
  auto it = std::upper_bound(text_map.begin(), text_map.end(), offset,
                             [](std::size_t off, const auto& seg) { return off < seg.first; });
  if (it != text_map.begin()) {
    --it;
  }
  return {it->second.line, it->second.column + static_cast<int>(offset - it->first)};
}

const Directive* Dockerfile::directive(std::string_view key) const {
  for (const auto& d : directives) {
    if (d.key == key) {
      return &d;
    }
  }
  return nullptr;
}

} // namespace plinth::dockerfile
