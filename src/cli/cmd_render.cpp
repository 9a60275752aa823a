// SPDX-License-Identifier: Apache-2.0
// `plinth render`: write each image's Dockerfile and .dockerignore.
#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/stack_options.hpp"
#include "render/render.hpp"
#include "util/files.hpp"

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
  const auto images = render::render_stack(*loaded->resolved, flavour, inputs);
  if (!images) {
    std::cerr << "plinth: internal error: " << images.error().describe() << "\n";
    return k_exit_internal;
  }
  auto report = nlohmann::json::array();
  for (const auto& img : *images) {
    const auto dir = std::filesystem::path(opts.output) / img.name;
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
      std::cerr << "plinth: cannot create " << dir.string() << ": " << ec.message() << "\n";
      return k_exit_usage;
    }
    for (const auto& [name, content] :
         {std::pair{"Dockerfile", &img.dockerfile}, std::pair{".dockerignore", &img.dockerignore},
          std::pair{"plinth-init.conf", &img.init_config}}) {
      if (content->empty()) continue;
      if (auto r = write_file_atomic(dir / name, *content); !r) {
        std::cerr << "plinth: " << r.error().message << "\n";
        return k_exit_usage;
      }
    }
    report.push_back({{"image", img.name},
                      {"dockerfile", (dir / "Dockerfile").string()},
                      {"input_digest", img.input_digest}});
    if (!opts.stack.json)
      std::cout << (dir / "Dockerfile").string() << "  " << img.input_digest << "\n";
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
