// SPDX-License-Identifier: Apache-2.0
#include "cli/stack_options.hpp"

#include "cli/input_size_option.hpp"
#include "util/files.hpp"

#include <algorithm>
#include <iostream>
#include <map>
#include <memory>

namespace plinth::cli {

void StackOptions::add_to(CLI::App& cmd, bool with_json) {
  cmd.add_option("-f,--file", file, "The stack file")->capture_default_str();
  cmd.add_option(
      "--compat-db", compat_db,
      "Use this compatibility database file instead of the built-in one (see docs/compat.md)");
  if (with_json) cmd.add_flag("--json", json, "Print machine-readable JSON on stdout");
  add_max_input_size_option(cmd);
}

const compat::Db* StackOptions::database() const {
  if (compat_db.empty()) return &compat::Db::builtin();
  static std::unique_ptr<compat::Db> loaded;
  auto text = read_file(compat_db);
  if (!text) {
    std::cerr << "plinth: " << text.error().message << "\n";
    return nullptr;
  }
  Diagnostics diags;
  auto db = compat::Db::parse(*text, compat_db, diags);
  const LineIndex lines(*text);
  for (const auto& d : diags.items())
    std::cerr << format_diagnostic(d, lines) << "\n";
  if (!db || diags.has_errors()) return nullptr;
  loaded = std::make_unique<compat::Db>(std::move(*db));
  return loaded.get();
}

void print_diagnostics(const app::LoadedStack& loaded) {
  // A broken or hostile file can hold thousands of errors: the first ones say what to fix,
  // --json has them all.
  const auto& items = loaded.diags.items();
  const auto shown = std::min(items.size(), k_max_printed_diagnostics);
  std::map<std::string_view, LineIndex> lines; // one index per file, however many errors
  for (std::size_t i = 0; i < shown; ++i) {
    const auto& d = items[i];
    const auto it = loaded.sources.find(d.where.file);
    if (it == loaded.sources.end()) {
      std::cerr << format_diagnostic(d) << "\n";
      continue;
    }
    const auto& index = lines.try_emplace(it->first, it->second).first->second;
    std::cerr << format_diagnostic(d, index) << "\n";
  }
  if (items.size() > shown) {
    std::cerr << "plinth: " << items.size() - shown << " more diagnostic(s) not shown "
              << "(--json lists them all)\n";
  }
}

nlohmann::json diagnostics_json(const Diagnostics& diags) {
  auto out = nlohmann::json::array();
  for (const auto& d : diags.items()) {
    out.push_back({{"file", d.where.file},
                   {"line", d.where.line},
                   {"column", d.where.column},
                   {"severity", std::string(severity_name(d.severity))},
                   {"code", d.code},
                   {"message", d.message}});
  }
  return out;
}

std::optional<app::LoadedStack> load(const StackOptions& opts) {
  const auto* db = opts.database();
  if (db == nullptr) return std::nullopt;
  auto loaded = app::load_stack(opts.file, *db);
  if (loaded.read_error) {
    // Missing, too large, a directory: an I/O error (exit 2), not a validation finding.
    std::cerr << "plinth: error: " << loaded.read_error->describe() << "\n";
    return std::nullopt;
  }
  if (!opts.json) print_diagnostics(loaded);
  return loaded;
}

} // namespace plinth::cli
