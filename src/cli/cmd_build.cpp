// SPDX-License-Identifier: Apache-2.0
// `plinth build [image...]`: build what changed, verify it, tag it, write plinth.lock.
#include "app/build.hpp"
#include "cli/build_options.hpp"
#include "cli/command.hpp"
#include "cli/engine_options.hpp"
#include "cli/exit_codes.hpp"
#include "cli/progress.hpp"
#include "cli/push_options.hpp"
#include "cli/stack_options.hpp"

#include <iostream>
#include <memory>

namespace plinth::cli {
namespace {

struct BuildCliOptions {
  StackOptions stack;
  app::BuildOptions build;
  std::string builder = "auto";
  std::string lock_file;
  bool verbose = false;
  bool no_verify = false;
  bool push = false;
  PushCliOptions push_opts;
};

void print_report(const app::BuildReport& report, bool json) {
  if (json) {
    auto out = nlohmann::json::array();
    for (const auto& i : report.images) {
      out.push_back({{"image", i.locked.name},
                     {"reference", i.locked.reference},
                     {"image_id", i.locked.image_id},
                     {"build_digest", i.locked.build_digest},
                     {"up_to_date", i.cached && !i.built},
                     {"built", i.built}});
    }
    std::cout << out.dump(2) << "\n";
    return;
  }
  for (const auto& i : report.images) {
    std::cout << i.locked.reference << "  " << i.locked.image_id.substr(0, 19) << "  "
              << (i.built ? "built" : "up to date") << "\n";
  }
}

int run_build(BuildCliOptions& opts) {
  int code = k_exit_ok;
  auto session = load_with_engine(opts.stack, code);
  if (!session) {
    return code;
  }
  const auto& loaded = session->loaded;
  auto& engine = session->engine;
  auto builder = make_builder(opts.builder, *engine);
  opts.build.verify = !opts.no_verify;
  opts.build.lock_path = opts.lock_file;
  TerminalEvents events(TerminalEvents::stderr_is_live() && !opts.verbose, opts.verbose);
  auto report = app::build_stack(loaded, opts.build, *engine, *engine, *builder, events);
  if (!report) {
    return report_error(report.error());
  }
  print_report(*report, opts.stack.json && !opts.push);
  if (opts.push) {
    opts.push_opts.images = opts.build.images;
    opts.push_opts.lock_file = opts.lock_file;
    return run_push_after_build(loaded, opts.push_opts, *engine, events, opts.stack.json);
  }
  return k_exit_ok;
}

} // namespace

void add_build(CLI::App& root, RunState& state) {
  auto opts = std::make_shared<BuildCliOptions>();
  auto* cmd = root.add_subcommand(
      "build", "Build the stack's images (parents first; unchanged images are not "
               "rebuilt), verify them, tag them and write plinth.lock");
  opts->stack.add_to(*cmd);
  cmd->add_option("images", opts->build.images,
                  "Images to build (with their parents); default: all");
  cmd->add_option("-j,--jobs", opts->build.jobs, "Images built at once (independent branches)")
      ->capture_default_str();
  cmd->add_flag("--force", opts->build.force, "Rebuild even when up to date (no builder cache)");
  cmd->add_flag("--locked", opts->build.locked,
                "Build exactly what plinth.lock says; fail if the result differs");
  cmd->add_option("--builder", opts->builder,
                  "auto, classic (Engine API) or buildkit (docker buildx)")
      ->check(CLI::IsMember({"auto", "classic", "buildkit"}))
      ->capture_default_str();
  cmd->add_option("--network", opts->build.network_mode,
                  "Network of RUN steps (downloads need host)")
      ->capture_default_str();
  cmd->add_option("--lock-file", opts->lock_file,
                  "Lock file (default: plinth.lock next to the stack file)");
  cmd->add_flag("--no-verify", opts->no_verify,
                "Record but do not enforce what the read-back finds");
  cmd->add_flag("-v,--verbose", opts->verbose, "Print every line of build output");
  cmd->add_flag("--push", opts->push,
                "Push the built images to the stack's registry (see `plinth push`)");
  opts->push_opts.add_to(*cmd);
  cmd->callback([opts, &state] { state.exit_code = run_build(*opts); });
}

} // namespace plinth::cli
