// SPDX-License-Identifier: Apache-2.0
// `plinth render`: write each image's Dockerfile and .dockerignore, all or none.
#include "app/render_output.hpp"
#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/stack_options.hpp"
#include "render/render.hpp"

#include <filesystem>
#include <iostream>
#include <memory>

namespace plinth::cli {
namespace {

struct RenderOptions {
  StackOptions stack;
  std::string output = "out";
  std::string flavour = "buildkit";
};

int run_render(const RenderOptions& opts) {
  auto loaded = load(opts.stack);
  if (!loaded) return k_exit_usage;
  if (!loaded->ok()) return k_exit_findings;
  render::RenderInputs inputs;
  inputs.file_digests = loaded->file_digests;
  const auto flavour =
      opts.flavour == "classic" ? render::Flavour::classic : render::Flavour::buildkit;
  // Everything is rendered and verified in memory before the first file is written.
  const auto images = render::render_stack(*loaded->resolved, flavour, inputs);
  if (!images) {
    std::cerr << "plinth: internal error: " << images.error().describe() << "\n";
    return k_exit_internal;
  }
  const auto written = app::write_rendered(opts.output, *images);
  if (!written) {
    std::cerr << "plinth: " << written.error().describe() << "\n";
    return written.error().code == Errc::internal ? k_exit_internal : k_exit_usage;
  }
  auto report = nlohmann::json::array();
  for (std::size_t i = 0; i < images->size(); ++i) {
    const auto& img = (*images)[i];
    report.push_back({{"image", img.name},
                      {"dockerfile", (*written)[i].string()},
                      {"input_digest", img.input_digest}});
    if (!opts.stack.json) std::cout << (*written)[i].string() << "  " << img.input_digest << "\n";
  }
  if (opts.stack.json) std::cout << report.dump(2) << "\n";
  return k_exit_ok;
}

} // namespace

void add_render(CLI::App& root, RunState& state) {
  auto opts = std::make_shared<RenderOptions>();
  auto* cmd = root.add_subcommand("render", "Write one Dockerfile and .dockerignore per image "
                                            "(deterministic: byte-identical on re-run)");
  opts->stack.add_to(*cmd);
  cmd->add_option("-o,--output", opts->output, "Output folder; each image gets <output>/<image>/")
      ->capture_default_str();
  cmd->add_option("--flavour", opts->flavour, "buildkit (cache mounts, COPY --link) or classic")
      ->check(CLI::IsMember({"buildkit", "classic"}))
      ->capture_default_str();
  cmd->callback([opts, &state] { state.exit_code = run_render(*opts); });
}

} // namespace plinth::cli
