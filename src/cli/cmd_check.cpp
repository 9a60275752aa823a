// SPDX-License-Identifier: Apache-2.0
// `plinth check`: validate a stack file and everything it references.
#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/stack_options.hpp"

#include <iostream>
#include <memory>

namespace plinth::cli {
namespace {

nlohmann::json image_json(const model::ResolvedImage& img) {
  return {{"name", img.name()},
          {"tier", std::string(model::tier_name(img.spec->tier))},
          {"parent", img.parent ? img.parent->name : ""},
          {"version", img.spec->version.value},
          {"owner", img.spec->owner.value},
          {"cadence", img.spec->cadence.value},
          {"tensorflow", img.tensorflow},
          {"variant", img.variant},
          {"python", img.python},
          {"cuda", img.cuda},
          {"cudnn", img.cudnn},
          {"driver_min", img.driver_min},
          {"driver_toolkit", img.driver_toolkit},
          {"reference", img.reference()}};
}

int run_check(const StackOptions& opts) {
  auto loaded = load(opts);
  if (!loaded) return k_exit_usage;
  const bool ok = loaded->ok();
  if (opts.json) {
    nlohmann::json out = {{"file", opts.file},
                          {"ok", ok},
                          {"errors", loaded->diags.error_count()},
                          {"warnings", loaded->diags.items().size() - loaded->diags.error_count()},
                          {"diagnostics", diagnostics_json(loaded->diags)},
                          {"images", nlohmann::json::array()}};
    if (ok) {
      for (const auto& img : loaded->resolved->images)
        out["images"].push_back(image_json(img));
    }
    std::cout << out.dump(2) << "\n";
  } else if (ok) {
    std::cout << opts.file << ": ok (" << loaded->resolved->images.size() << " images)\n";
    for (const auto& img : loaded->resolved->images) {
      std::cout << "  " << img.name() << "  " << model::tier_name(img.spec->tier) << "  v"
                << img.spec->version.value << "  owner " << img.spec->owner.value << ", "
                << img.spec->cadence.value << "  -> " << img.reference() << "\n";
    }
  } else {
    std::cerr << opts.file << ": " << loaded->diags.error_count() << " error(s)\n";
  }
  return ok ? k_exit_ok : k_exit_findings;
}

} // namespace

void add_check(CLI::App& root, RunState& state) {
  auto opts = std::make_shared<StackOptions>();
  auto* cmd =
      root.add_subcommand("check", "Validate a stack file: structure, parents and tiers, pins, "
                                   "tags, and TensorFlow/Python/CUDA/cuDNN compatibility");
  opts->add_to(*cmd);
  cmd->footer(
      "Every problem is reported as file:line:col: error: ... ; exit 0 when valid, 1 when not.");
  cmd->callback([opts, &state] { state.exit_code = run_check(*opts); });
}

} // namespace plinth::cli
