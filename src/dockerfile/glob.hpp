// SPDX-License-Identifier: Apache-2.0
// Shell glob patterns ('*', '?', escaped literals) compiled to a small NFA, for the
// ${v#p} ${v%p} ${v/p/r} family. Every query is one left-to-right pass keeping the set of
// pattern positions alive: O(text × pattern) time, where trying each substring with a
// backtracking matcher took minutes on a 2 KB Dockerfile.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace plinth::dockerfile {

// --- Interface ---

class Glob {
public:
  explicit Glob(std::string_view pattern);

  bool empty() const { return m_tokens.empty(); }
  // The same pattern read right to left: matches the reversed texts (for suffixes).
  Glob reversed() const;

  // Length of the shortest / longest prefix of `text` the pattern matches; npos if none.
  std::size_t shortest_prefix(std::string_view text) const;
  std::size_t longest_prefix(std::string_view text) const;

  struct Match {
    std::size_t start = 0;
    std::size_t length = 0;
  };
  // The leftmost non-empty match starting at or after `from`, longest at that start.
  std::optional<Match> find(std::string_view text, std::size_t from) const;

private:
  enum class Kind { literal, any, star };
  struct Token {
    Kind kind;
    char c;
  };
  Glob() = default;
  std::size_t prefix(std::string_view text, bool longest) const;
  template <class T> void close(std::vector<T>& states, T none) const;

  std::vector<Token> m_tokens;
};

} // namespace plinth::dockerfile
