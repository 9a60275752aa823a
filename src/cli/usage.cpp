// SPDX-License-Identifier: Apache-2.0
#include "cli/usage.hpp"

#include "cli/exit_codes.hpp"
#include "util/spelling.hpp"

#include <iostream>

namespace plinth::cli {

const CLI::App* find_subcommand(const CLI::App& parent, std::string_view name) {
  auto found = parent.get_subcommands([&](const CLI::App* s) { return s->get_name() == name; });
  return found.empty() ? nullptr : found.front();
}

std::string help_text(const CLI::App& app, const std::string& path) {
  return app.get_formatter()->make_help(&app, path, CLI::AppFormatMode::Normal);
}

int report_unknown_command(const CLI::App& parent, const std::string& path, std::string_view word) {
  std::vector<std::string> names;
  for (const auto* s : parent.get_subcommands([](const CLI::App* s) {
         return !s->get_group().empty(); // hidden subcommands are not suggested
       })) {
    names.push_back(s->get_name());
  }
  const std::vector<std::string_view> candidates(names.begin(), names.end());
  std::cerr << path << ": unknown command '" << word << "'";
  if (const auto near = closest_match(word, candidates)) {
    std::cerr << " (did you mean '" << *near << "'?)";
  }
  std::cerr << "\nRun `" << path << " --help` for the list of commands.\n";
  return k_exit_usage;
}

int print_help(const CLI::App& root, const std::vector<std::string>& words) {
  const CLI::App* app = &root;
  std::string path = root.get_name();
  for (const auto& w : words) {
    const auto* sub = find_subcommand(*app, w);
    if (sub == nullptr) {
      return report_unknown_command(*app, path, w);
    }
    app = sub;
    path += " " + w;
  }
  std::cout << help_text(*app, path);
  return k_exit_ok;
}

} // namespace plinth::cli
