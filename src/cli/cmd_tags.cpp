// SPDX-License-Identifier: Apache-2.0
// `plinth tags`: the full references each image will be pushed as.
#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/stack_options.hpp"

#include <iostream>
#include <memory>

namespace plinth::cli {
namespace {

int run_tags(const StackOptions& opts) {
  auto loaded = load(opts);
  if (!loaded) return k_exit_usage;
  if (!loaded->ok()) {
    if (opts.json)
      std::cout
          << nlohmann::json{{"ok", false}, {"diagnostics", diagnostics_json(loaded->diags)}}.dump(2)
          << "\n";
    return k_exit_findings;
  }
  auto out = nlohmann::json::array();
  for (const auto& img : loaded->resolved->images) {
    if (opts.json) {
      out.push_back({{"image", img.name()},
                     {"repository", img.repository},
                     {"tag", img.tag},
                     {"reference", img.reference()}});
    } else {
      std::cout << img.reference() << "\n";
    }
  }
  if (opts.json) std::cout << out.dump(2) << "\n";
  return k_exit_ok;
}

} // namespace

void add_tags(CLI::App& root, RunState& state) {
  auto opts = std::make_shared<StackOptions>();
  auto* cmd =
      root.add_subcommand("tags", "Print each image's full reference (registry/name:tag) computed "
                                  "from the policy's tag template");
  opts->add_to(*cmd);
  cmd->callback([opts, &state] { state.exit_code = run_tags(*opts); });
}

} // namespace plinth::cli
