// SPDX-License-Identifier: Apache-2.0
#include "dockerfile/words.hpp"

namespace plinth::dockerfile {

namespace {

// Blanks and quotes: the characters word_end must look at (besides the escape character).
struct StopTable {
  bool stop[256] = {};
  StopTable() {
    for (const char c : {' ', '\t', '\r', '\n', '\v', '\f', '\'', '"'}) {
      stop[static_cast<unsigned char>(c)] = true;
    }
  }
};
const StopTable k_stop;

// Quotes only: what unquote removes (besides the escape character).
struct QuoteTable {
  bool stop[256] = {};
  QuoteTable() {
    stop[static_cast<unsigned char>('\'')] = true;
    stop[static_cast<unsigned char>('"')] = true;
  }
};
const QuoteTable k_quote;

} // namespace

std::size_t word_end(std::string_view text, std::size_t from, char escape) {
  char quote = 0;
  std::size_t i = from;
  while (i < text.size()) {
    const char c = text[i];
    if (!k_stop.stop[static_cast<unsigned char>(c)] && c != escape) {
      ++i; // the common case: an ordinary character, inside or outside quotes
      continue;
    }
    if (quote == 0 && is_blank(c)) {
      break;
    }
    if (c == escape && quote != '\'' && i + 1 < text.size()) {
      i += 2;
      continue;
    }
    if (quote == 0 && (c == '\'' || c == '"')) {
      quote = c;
    } else if (quote != 0 && c == quote) {
      quote = 0;
    }
    ++i;
  }
  return i;
}

void split_word_spans(std::string_view text, std::size_t from, char escape,
                      std::vector<WordSpan>& out) {
  out.clear();
  std::size_t i = from;
  while (true) {
    while (i < text.size() && is_blank(text[i])) {
      ++i;
    }
    if (i >= text.size()) {
      break;
    }
    const auto end = word_end(text, i, escape);
    out.push_back({i, end});
    i = end;
  }
}

std::vector<WordSpan> split_word_spans(std::string_view text, std::size_t from, char escape) {
  std::vector<WordSpan> out;
  split_word_spans(text, from, escape, out);
  return out;
}

std::string unquote(std::string_view raw, char escape) {
  std::size_t first = 0;
  while (first < raw.size() && !k_quote.stop[static_cast<unsigned char>(raw[first])] &&
         raw[first] != escape) {
    ++first;
  }
  if (first == raw.size()) {
    return std::string(raw); // the common case: nothing to remove
  }
  std::string out;
  out.reserve(raw.size());
  out.append(raw.data(), first); // nothing special before `first`
  char quote = 0;
  for (std::size_t i = first; i < raw.size(); ++i) {
    const char c = raw[i];
    if (quote == '\'') {
      if (c == '\'') {
        quote = 0;
      } else {
        out += c;
      }
      continue;
    }
    if (c == escape && i + 1 < raw.size()) {
      const char n = raw[i + 1];
      if (quote == '"' && n != '"' && n != '$' && n != escape) {
        out += c;
        continue;
      }
      out += n;
      ++i;
      continue;
    }
    if (quote == 0 && (c == '\'' || c == '"')) {
      quote = c;
    } else if (quote == '"' && c == '"') {
      quote = 0;
    } else {
      out += c;
    }
  }
  return out;
}

} // namespace plinth::dockerfile
