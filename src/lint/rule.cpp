// SPDX-License-Identifier: Apache-2.0
#include "lint/rule.hpp"

namespace plinth::lint {

dockerfile::Pos Context::script_pos(std::size_t offset) const {
  if (run == nullptr) {
    return {};
  }
  if (offset < script_text_size || run->heredocs.empty()) {
    return run->pos_in_text(offset);
  }
  // In a heredoc body: count lines from the first body.
  std::size_t pos = script_text_size + 1;
  for (const auto& h : run->heredocs) {
    const auto end = pos + h.body.size();
    if (offset < end) {
      int line = h.body_line;
      std::size_t col = 1;
      for (std::size_t i = pos; i < offset; ++i) {
        if (h.body[i - pos] == '\n') {
          ++line;
          col = 1;
        } else {
          ++col;
        }
      }
      return {line, static_cast<int>(col)};
    }
    pos = end;
  }
  return run->pos;
}

bool Context::has_cache_mount(std::string_view path_part) const {
  if (mounts == nullptr) {
    return false;
  }
  for (const auto& m : *mounts) {
    if ((m.type == "cache" || m.type == "tmpfs") && m.target.find(path_part) != std::string::npos) {
      return true;
    }
  }
  return false;
}

void Reporter::report(dockerfile::Pos where, std::string message) {
  Finding f;
  f.rule = std::string(m_info.id);
  f.level = m_info.level;
  f.message = message.empty() ? std::string(m_info.title) : std::move(message);
  f.line = where.line;
  f.column = where.column;
  f.end_line = m_end_line > where.line ? m_end_line : where.line;
  m_out.push_back(std::move(f));
}

} // namespace plinth::lint
