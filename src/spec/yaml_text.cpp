// SPDX-License-Identifier: Apache-2.0
#include "spec/yaml_text.hpp"

#include "spec/grammar.hpp"

#include <utility>

namespace plinth::spec {

bool check_text(std::string_view text, const std::string& file, Diagnostics& diags) {
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '\n') continue;
    auto body = text.substr(line_start, i - line_start);
    if (!body.empty() && body.back() == '\r') body.remove_suffix(1);
    if (auto bad = grammar::first_bad_character(body, true)) {
      const auto col = bad->byte + 1; // columns count bytes, as yaml-cpp's do
      diags.error({file, line, static_cast<int>(col)}, "bad-text",
                  "the text " + bad->what +
                      (bad->control ? "; control characters are not allowed" : "") +
                      " (the stack file must be UTF-8 text)");
      return false;
    }
    ++line;
    line_start = i + 1;
  }
  return true;
}

std::string explain_yaml_error(std::string_view message) {
  static const std::pair<std::string_view, std::string_view> k_sentences[] = {
      {"end of sequence flow not found", "a '[' list is not closed with ']'"},
      {"end of map flow not found", "a '{' map is not closed with '}'"},
      {"end of sequence not found", "a list ends too early: check the indentation of its items"},
      {"end of map not found", "a map ends too early: check the indentation of its keys"},
      {"illegal map value",
       "a value cannot follow here: a 'key: value' line inside a value, or a ':' that needs "
       "quotes"},
      {"illegal map key", "a key cannot start here: check the indentation"},
      {"illegal block entry",
       "a '- ' list item cannot start here: check the indentation or the key above it"},
      {"illegal flow end", "a ']' or '}' closes nothing"},
      {"illegal tab when looking for indentation",
       "a tab is used for indentation; YAML indents with spaces only"},
      {"illegal EOF in scalar", "a quoted string is not closed before the end of the file"},
      {"illegal document indicator in scalar", "'---' or '...' inside a quoted string"},
      {"the referenced anchor is not defined", "an alias '*name' refers to no '&name' anchor"},
      {"unknown escape character: ",
       "a double-quoted string has an unknown escape sequence (write '\\\\' for a backslash "
       "or use single quotes): "},
      {"unknown token", "unexpected characters: a value that starts with one of [ ] { } , "
                        "# & * ! | > ' \" % @ ` needs quotes"},
      {"invalid character in single-quoted string",
       "a single-quoted string holds a character YAML does not allow"},
      {"bad file", "the file cannot be read as YAML"},
  };
  for (const auto& [raw, sentence] : k_sentences) {
    if (message.substr(0, raw.size()) == raw) {
      return std::string(sentence) + std::string(message.substr(raw.size()));
    }
  }
  return std::string(message);
}

} // namespace plinth::spec
