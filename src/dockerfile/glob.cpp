// SPDX-License-Identifier: Apache-2.0
// State k of the NFA means "the first k tokens matched"; a star state loops on any byte
// and also stands for the state after it (epsilon).
#include "dockerfile/glob.hpp"

#include <algorithm>

namespace plinth::dockerfile {

Glob::Glob(std::string_view p) {
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '\\' && i + 1 < p.size()) {
      m_tokens.push_back({Kind::literal, p[++i]});
    } else if (p[i] == '*') {
      m_tokens.push_back({Kind::star, 0});
    } else if (p[i] == '?') {
      m_tokens.push_back({Kind::any, 0});
    } else {
      m_tokens.push_back({Kind::literal, p[i]});
    }
  }
}

Glob Glob::reversed() const {
  Glob g;
  g.m_tokens.assign(m_tokens.rbegin(), m_tokens.rend());
  return g;
}

// Epsilon closure: a live star state also makes the next state live (with the same value).
template <class T> void Glob::close(std::vector<T>& s, T none) const {
  for (std::size_t k = 0; k < m_tokens.size(); ++k) {
    if (m_tokens[k].kind == Kind::star && s[k] != none) {
      s[k + 1] = std::min(s[k + 1], s[k]);
    }
  }
}

std::size_t Glob::prefix(std::string_view text, bool longest) const {
  const std::size_t m = m_tokens.size();
  // 0 = live, 1 = dead (so std::min in close() keeps "live").
  std::vector<unsigned char> cur(m + 1, 1);
  std::vector<unsigned char> next(m + 1, 1);
  cur[0] = 0;
  close<unsigned char>(cur, 1);
  std::size_t best = cur[m] == 0 ? 0 : std::string_view::npos;
  for (std::size_t i = 0; i < text.size() && (longest || best == std::string_view::npos); ++i) {
    std::fill(next.begin(), next.end(), 1);
    bool alive = false;
    for (std::size_t k = 0; k < m; ++k) {
      if (cur[k] != 0) {
        continue;
      }
      const auto& t = m_tokens[k];
      if (t.kind == Kind::star) {
        next[k] = 0;
        alive = true;
      } else if (t.kind == Kind::any || t.c == text[i]) {
        next[k + 1] = 0;
        alive = true;
      }
    }
    if (!alive) {
      break;
    }
    close<unsigned char>(next, 1);
    cur.swap(next);
    if (cur[m] == 0) {
      best = i + 1;
    }
  }
  return best;
}

std::size_t Glob::shortest_prefix(std::string_view text) const {
  return prefix(text, false);
}

std::size_t Glob::longest_prefix(std::string_view text) const {
  return prefix(text, true);
}

// One pass over the text; each state remembers the earliest start reaching it (a later
// start in the same state has the same future, so it can never be the leftmost match).
std::optional<Glob::Match> Glob::find(std::string_view text, std::size_t from) const {
  constexpr std::size_t none = std::string_view::npos;
  const std::size_t m = m_tokens.size();
  std::vector<std::size_t> cur(m + 1, none);
  std::vector<std::size_t> next(m + 1, none);
  std::size_t best_start = none;
  std::size_t best_end = 0;
  for (std::size_t pos = from; pos <= text.size(); ++pos) {
    if (best_start == none) {
      cur[0] = std::min(cur[0], pos); // a new attempt starting here
    }
    close(cur, none);
    if (cur[m] < pos && cur[m] <= best_start) { // non-empty, and at least as far left
      best_start = cur[m];
      best_end = pos;
    }
    if (pos == text.size()) {
      break;
    }
    std::fill(next.begin(), next.end(), none);
    bool alive = false;
    for (std::size_t k = 0; k < m; ++k) {
      // Attempts starting right of the best match can no longer win.
      if (cur[k] == none || (best_start != none && cur[k] > best_start)) {
        continue;
      }
      const auto& t = m_tokens[k];
      if (t.kind == Kind::star) {
        next[k] = std::min(next[k], cur[k]);
        alive = true;
      } else if (t.kind == Kind::any || t.c == text[pos]) {
        next[k + 1] = std::min(next[k + 1], cur[k]);
        alive = true;
      }
    }
    cur.swap(next);
    if (!alive && best_start != none) {
      break;
    }
  }
  if (best_start == none) {
    return std::nullopt;
  }
  return Match{best_start, best_end - best_start};
}

} // namespace plinth::dockerfile
