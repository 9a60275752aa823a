// SPDX-License-Identifier: Apache-2.0
// `plinth lint`: lint Dockerfiles (files, directories, or - for stdin) with the rules in
// src/lint; exit 0 clean, 1 findings at or above the threshold, 2 usage or I/O error.
#include "app/lint_files.hpp"
#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/input_size_option.hpp"
#include "lint/engine.hpp"
#include "lint/report.hpp"

#include <iostream>
#include <memory>
#include <optional>

namespace plinth::cli {
namespace {

struct LintOptions {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string config;
  std::string threshold;
  bool list_rules = false;
};

int list_rules(const LintOptions& o) {
  if (o.format == "markdown") {
    std::cout << lint::rules_markdown();
  } else if (o.format == "text") {
    std::cout << lint::rules_table();
  } else {
    std::cerr << "plinth lint: --list-rules supports --format text or markdown\n";
    return k_exit_usage;
  }
  return k_exit_ok;
}

int run_lint(const LintOptions& o) {
  if (o.list_rules) {
    return list_rules(o);
  }
  const auto format = lint::parse_format(o.format);
  if (!format) {
    std::cerr << "plinth lint: unknown format '" << o.format
              << "' (text, json, sarif, checkstyle)\n";
    return k_exit_usage;
  }
  Diagnostics diags;
  auto config = app::load_lint_config(
      o.config.empty() ? std::nullopt : std::optional<std::filesystem::path>(o.config), diags);
  if (!config) {
    std::cerr << "plinth lint: " << config.error().describe() << "\n";
    return k_exit_usage;
  }
  if (diags.has_errors()) {
    for (const auto& d : diags.items()) {
      std::cerr << format_diagnostic(d) << "\n";
    }
    return k_exit_usage;
  }
  if (!o.threshold.empty()) {
    config->threshold = *lint::parse_level(o.threshold);
  }
  auto files = app::find_dockerfiles(o.paths.empty() ? std::vector<std::string>{"."} : o.paths);
  if (!files) {
    std::cerr << "plinth lint: " << files.error().describe() << "\n";
    return k_exit_usage;
  }
  if (files->empty()) {
    std::cerr << "plinth lint: no Dockerfiles found\n";
    return k_exit_usage;
  }
  auto reports = app::lint_files(*files, *config, std::cin);
  if (!reports) {
    std::cerr << "plinth lint: " << reports.error().describe() << "\n";
    return k_exit_usage;
  }
  lint::write_report(std::cout, *reports, *format);
  for (const auto& r : *reports) {
    if (lint::fails(r.findings, config->threshold)) {
      return k_exit_findings;
    }
  }
  return k_exit_ok;
}

} // namespace

void add_lint(CLI::App& root, RunState& state) {
  auto o = std::make_shared<LintOptions>();
  auto* cmd = root.add_subcommand("lint", "Lint Dockerfiles: correctness, reproducibility, "
                                          "security, size, cache efficiency and governance");
  cmd->add_option("paths", o->paths,
                  "Dockerfiles, directories to search (Dockerfile, *.Dockerfile, Dockerfile.*), "
                  "or - for stdin (default: .)");
  cmd->add_option("--format", o->format,
                  "text, json, sarif or checkstyle (markdown with "
                  "--list-rules)")
      ->check(CLI::IsMember({"text", "json", "sarif", "checkstyle", "markdown"}));
  cmd->add_option("-c,--config", o->config,
                  "lint config YAML (.plinth-lint.yaml, or a stack file's lint: section); "
                  "default ./.plinth-lint.yaml if present");
  cmd->add_option("-t,--threshold", o->threshold,
                  "lowest severity that fails the run: error, warning, info, style "
                  "(default: the config's failure-threshold, else warning)")
      ->check(CLI::IsMember({"error", "warning", "info", "style"}));
  cmd->add_flag("--list-rules", o->list_rules, "print every rule (id, severity, title) and exit");
  add_max_input_size_option(*cmd);
  cmd->footer("Ignore a rule for one instruction with `# plinth-lint ignore=PL2003` on the line "
              "above it.\nExit codes: 0 clean, 1 findings at or above the threshold, 2 usage or "
              "I/O error.");
  cmd->callback([o, &state] { state.exit_code = run_lint(*o); });
}

} // namespace plinth::cli
