// SPDX-License-Identifier: Apache-2.0
// The Dockerfile AST: every instruction, flag, argument, heredoc and comment with its exact
// 1-based line and column in the source, so diagnostics can point at the offending token.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace plinth::dockerfile {

struct Pos {
  int line = 0;   // 1-based
  int column = 0; // 1-based
  friend bool operator==(const Pos&, const Pos&) = default;
};

enum class Keyword {
  unknown,
  from,
  run,
  cmd,
  label,
  maintainer,
  expose,
  env,
  add,
  copy,
  entrypoint,
  volume,
  user,
  workdir,
  arg,
  onbuild,
  stopsignal,
  healthcheck,
  shell,
};
inline constexpr std::size_t k_keyword_count = static_cast<std::size_t>(Keyword::shell) + 1;

// Upper-case canonical name ("FROM"); "" for unknown.
std::string_view keyword_name(Keyword k);
// Case-insensitive lookup; Keyword::unknown when `word` is no instruction.
Keyword keyword_from(std::string_view word);

// One whitespace-delimited word (or one exec-form element). `text` has quotes and escapes
// removed (no variable expansion); `raw` is the source spelling.
struct Word {
  std::string text;
  std::string raw;
  Pos pos;
};

// `--name[=value]`.
struct Flag {
  std::string name; // without the leading "--"
  std::optional<std::string> value;
  Pos pos;       // of the leading "--"
  Pos value_pos; // of the first value character (== pos when there is no value)
};

// ENV/LABEL/ARG `key=value` (or legacy `key value`).
struct KeyValue {
  std::string key;
  std::optional<std::string> value; // unquoted, unexpanded; nullopt for `ARG name`
  std::string raw_value;            // the source spelling of the value
  Pos key_pos;
  Pos value_pos;
  bool legacy = false; // `ENV key value` without '='
};

struct Heredoc {
  std::string name;
  std::string body;   // the lines between the instruction and the terminator, '\n'-terminated
  bool expand = true; // false when the delimiter was quoted
  bool chomp = false; // `<<-`: leading tabs stripped
  Pos pos;            // of the `<<`
  int body_line = 0;  // first body line (terminator is at body_line + number of body lines)
  int end_line = 0;   // the terminator line
};

struct Instruction {
  Keyword keyword = Keyword::unknown;
  std::string keyword_raw; // as written, e.g. "run"
  Pos pos;                 // of the keyword
  int end_line = 0;        // last physical line, including heredoc terminators
  std::vector<Flag> flags;
  std::vector<Word> args;            // words (shell form) or elements (exec form)
  std::string text;                  // everything after the flags, joined across continuations
  Pos text_pos;                      // where `text` starts
  bool exec_form = false;            // JSON array form (RUN/CMD/ENTRYPOINT/SHELL/ADD/COPY/VOLUME)
  std::vector<KeyValue> pairs;       // ENV, LABEL, ARG
  std::vector<Heredoc> heredocs;     // RUN, COPY, ADD
  std::vector<std::string> comments; // comment lines directly above (BuildKit PrevComment)
  int comment_line = 0;              // line of the last comment directly above, 0 if none
  std::unique_ptr<Instruction> trigger; // ONBUILD's wrapped instruction
  // Where each piece of `text` came from: {offset in text, source position}, ascending.
  // Empty when `text` is one piece (a single physical line) starting at `text_pos`.
  std::vector<std::pair<std::size_t, Pos>> text_map;

  // The source position of byte `offset` of `text`.
  Pos pos_in_text(std::size_t offset) const;

  const Flag* flag(std::string_view name) const;
  // All values of a repeatable flag such as --mount.
  std::vector<const Flag*> flags_named(std::string_view name) const;
};

struct Comment {
  std::string text; // without the leading '#' and surrounding whitespace
  Pos pos;          // of the '#'
};

struct Directive {
  std::string key; // lower-case
  std::string value;
  Pos pos;
};

struct Dockerfile {
  std::vector<Directive> directives;
  std::vector<Instruction> instructions;
  std::vector<Comment> comments;
  char escape = '\\';
  int line_count = 0;

  const Directive* directive(std::string_view key) const;
};

} // namespace plinth::dockerfile
