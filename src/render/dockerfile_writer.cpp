// SPDX-License-Identifier: Apache-2.0
#include "render/dockerfile_writer.hpp"

#include <algorithm>
#include <cctype>

namespace plinth::render {

void and_then(std::vector<std::string>& parts, std::string_view step) {
  parts.push_back(parts.empty() ? std::string(step) : "&& " + std::string(step));
}

void DockerfileWriter::line(std::string_view text) {
  m_out += text;
  m_out += '\n';
}

void DockerfileWriter::blank() {
  if (!m_out.empty() && m_out.size() >= 2 && m_out.substr(m_out.size() - 2) != "\n\n") {
    m_out += '\n';
  }
}

void DockerfileWriter::comment(std::string_view text) {
  m_out += "# ";
  m_out += text;
  m_out += '\n';
}

void DockerfileWriter::continued(std::string_view head, const std::vector<std::string>& parts,
                                 std::string_view indent) {
  m_out += head;
  for (const auto& p : parts) {
    m_out += " \\\n";
    m_out += indent;
    m_out += p;
  }
  m_out += '\n';
}

std::string quote(std::string_view value) {
  std::string out = "\"";
  for (char c : value) {
    if (c == '"' || c == '\\' || c == '$') out += '\\';
    out += c;
  }
  out += '"';
  return out;
}

std::string shell_word(std::string_view value) {
  const bool safe = !value.empty() && std::all_of(value.begin(), value.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
           std::string_view("@%+=:,./_-").find(c) != std::string_view::npos;
  });
  if (safe) return std::string(value);
  std::string out = "'";
  for (char c : value) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  out += "'";
  return out;
}

} // namespace plinth::render
