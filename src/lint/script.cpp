// SPDX-License-Identifier: Apache-2.0
#include "lint/script.hpp"

#include "lint/shell.hpp"

namespace plinth::lint {
namespace {

bool is_shell_name(std::string_view n) {
  return n == "sh" || n == "bash" || n == "dash" || n == "ash" || n == "zsh";
}

// Does the shell run the heredoc bodies as shell code?
bool bodies_are_shell(const dockerfile::Instruction& run, std::string_view text) {
  const auto cmd = parse_shell(text);
  if (cmd.commands.empty()) {
    return false;
  }
  const auto n = cmd.commands.front().name();
  const bool bare = n.find("<<") != std::string_view::npos;
  if (!bare && !is_shell_name(n)) {
    return false;
  }
  const auto& body = run.heredocs.front().body;
  if (body.substr(0, 2) == "#!") {
    const auto line = std::string_view(body).substr(0, body.find('\n'));
    return line.find("sh") != std::string_view::npos &&
           line.find("python") == std::string_view::npos;
  }
  return true;
}

} // namespace

RunScript run_script(const dockerfile::Instruction& run) {
  RunScript out;
  if (run.exec_form) {
    const auto& a = run.args;
    if (a.size() >= 3 &&
        is_shell_name(parse_shell(a[0].text).commands.empty()
                          ? std::string_view{}
                          : parse_shell(a[0].text).commands[0].name()) &&
        a[1].text == "-c") {
      out.owned = a[2].text;
    } else {
      for (const auto& w : a) {
        out.owned += w.text;
        out.owned += ' ';
      }
    }
    out.uses_owned = true;
    out.text_size = out.owned.size();
    return out;
  }
  out.borrowed = run.text;
  out.text_size = run.text.size();
  if (run.heredocs.empty()) {
    return out; // the common case: no copy
  }
  const bool shell = bodies_are_shell(run, run.text);
  out.owned = run.text;
  out.owned += '\n';
  for (const auto& h : run.heredocs) {
    if (shell) {
      out.owned += h.body;
    } else {
      for (char c : h.body) {
        out.owned += c == '\n' ? '\n' : ' ';
      }
    }
  }
  out.uses_owned = true;
  return out;
}

} // namespace plinth::lint
