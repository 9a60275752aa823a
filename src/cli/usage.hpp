// SPDX-License-Identifier: Apache-2.0
// Help text and "unknown command" messages, shared by `plinth`, `plinth help [COMMAND]` and
// the unknown-command check in run.cpp.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace plinth::cli {

// The direct subcommand of `parent` called `name`, or nullptr.
const CLI::App* find_subcommand(const CLI::App& parent, std::string_view name);

// The help of `app`, whose command line so far is `path` (e.g. "plinth compat tf").
std::string help_text(const CLI::App& app, const std::string& path);

// Prints "plinth: unknown command 'chek' (did you mean 'check'?)" and where to look, to
// stderr; returns the usage exit code.
int report_unknown_command(const CLI::App& parent, const std::string& path, std::string_view word);

// `plinth help A B`: prints the help of `plinth A B` to stdout (0), or why not (2).
int print_help(const CLI::App& root, const std::vector<std::string>& words);

} // namespace plinth::cli
