// SPDX-License-Identifier: Apache-2.0
// A small POSIX-shell reader for RUN scripts: splits a script into simple commands at
// `&&`, `||`, `;`, `|`, `&` and newlines, with quote removal, so rules can ask "which
// commands run, with which arguments" without a full shell grammar.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace plinth::lint {

struct ShellWord {
  std::string text;    // quotes removed
  std::size_t offset;  // in the script
  bool quoted = false; // any part was quoted
};

struct ShellCommand {
  std::vector<ShellWord> words;
  bool pipe_in = false;  // `a | this`
  bool pipe_out = false; // `this | b`
  // Index of the real program after wrappers (sudo, env, VAR=x, time, nohup, exec …).
  std::size_t program = 0;
  std::size_t name_offset = 0; // where the basename starts in words[program].text

  std::string_view name() const;             // basename of the program, "" if none
  std::string_view arg(std::size_t i) const; // i-th word after the program
  std::size_t arg_count() const;
  bool has(std::string_view word) const; // any word after the program equals `word`
};

struct ShellScript {
  std::vector<ShellCommand> commands;
  bool has_pipe = false;

  // Commands whose program is `name`.
  std::vector<const ShellCommand*> find(std::string_view name) const;
  bool runs(std::string_view name) const;
};

ShellScript parse_shell(std::string_view script);

} // namespace plinth::lint
