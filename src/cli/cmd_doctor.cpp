// SPDX-License-Identifier: Apache-2.0
// `plinth doctor`: is this host able to run these images? Driver vs CUDA (through the
// compatibility database), GPU container support, cgroups, the engine, disk space. Text or
// --json (docs/doctor.md); exit 0 all ok, 1 warnings, 2 any failure (also bad arguments).
#include "app/doctor.hpp"
#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/input_size_option.hpp"
#include "doctor/render.hpp"

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>

namespace plinth::cli {
namespace {

namespace fs = std::filesystem;

struct DoctorCliOptions {
  std::string file; // -f; empty: plinth.yaml when present
  std::vector<std::string> images;
  std::vector<std::string> cuda;
  std::vector<std::string> tf;
  std::string root = "/";
  std::string inspect_dir;
  bool no_engine = false;
  bool no_stack = false;
  bool json = false;
};

// Versions with 2 or 3 numeric parts; prints the problem and returns false otherwise.
bool parse_versions(const std::vector<std::string>& texts, const char* flag,
                    std::vector<Version>& out) {
  for (const auto& t : texts) {
    auto v = Version::parse(t);
    if (!v || v->size() < 2 || v->size() > 4) {
      std::cerr << "plinth doctor: " << flag << " '" << t << "' is not a version such as 12.3\n";
      return false;
    }
    out.push_back(*v);
  }
  return true;
}

std::optional<app::DoctorOptions> to_options(const DoctorCliOptions& cli) {
  app::DoctorOptions o;
  o.root = cli.root;
  const char* path = std::getenv("PATH");
  o.path_dirs = app::split_path(path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin");
  o.probe_engine = !cli.no_engine;
  o.images = cli.images;
  if (!cli.inspect_dir.empty()) {
    o.inspect_dir = cli.inspect_dir;
  }
  if (!parse_versions(cli.cuda, "--cuda", o.cuda) ||
      !parse_versions(cli.tf, "--tf", o.tensorflow)) {
    return std::nullopt;
  }
  if (!cli.file.empty()) {
    if (!fs::exists(cli.file)) {
      std::cerr << "plinth doctor: stack file '" << cli.file << "' does not exist\n";
      return std::nullopt;
    }
    o.stack_file = cli.file;
  } else if (!cli.no_stack && cli.images.empty() && cli.cuda.empty() && cli.tf.empty() &&
             fs::exists("plinth.yaml")) {
    o.stack_file = "plinth.yaml"; // in a stack folder: judge its GPU images
  }
  return o;
}

int run_doctor_cmd(const DoctorCliOptions& cli) {
  const auto options = to_options(cli);
  if (!options) {
    return k_exit_usage;
  }
  const auto& db = compat::Db::builtin();
  const auto run = app::run_doctor(*options, db);
  if (cli.json) {
    std::cout << doctor::render_json(run.report, run.facts, run.images, db).dump(2) << "\n";
  } else {
    std::cout << doctor::render_text(run.report, run.facts, run.images);
  }
  return run.report.exit_code();
}

} // namespace

void add_doctor(CLI::App& root, RunState& state) {
  auto opts = std::make_shared<DoctorCliOptions>();
  auto* cmd = root.add_subcommand(
      "doctor",
      "Check this host against your images before anything runs: NVIDIA driver vs the images' "
      "CUDA (compatible / minor-version compatibility / incompatible), GPU container support, "
      "cgroups, the container engine and its disk space");
  cmd->add_option("-f,--file", opts->file,
                  "stack file whose GPU images to judge (default: plinth.yaml when present)");
  cmd->add_option("--image", opts->images,
                  "an image (any image: reads io.plinth.* labels, else "
                  "CUDA_VERSION / NVIDIA_REQUIRE_CUDA) through the engine");
  cmd->add_option("--cuda", opts->cuda, "ask about an image built for this CUDA, e.g. 12.3");
  cmd->add_option("--tf", opts->tf,
                  "ask about the TensorFlow GPU build of this release, e.g. 2.16");
  cmd->add_flag("--no-engine", opts->no_engine, "skip the container engine section");
  cmd->add_flag("--no-stack", opts->no_stack, "do not read ./plinth.yaml");
  cmd->add_flag("--json", opts->json, "machine-readable report (schema in docs/doctor.md)");
  add_max_input_size_option(*cmd);
  cmd->add_option("--root", opts->root, "host root prefix (testing: a fixture directory)")
      ->group("");
  cmd->add_option("--inspect-dir", opts->inspect_dir,
                  "image inspect replies instead of the engine (testing)")
      ->group("");
  cmd->footer("Exit codes: 0 every check ok, 1 warnings, 2 a check failed (or bad arguments).\n"
              "Every check that is not ok names its fix. See docs/doctor.md.");
  cmd->callback([opts, &state] { state.exit_code = run_doctor_cmd(*opts); });
}

} // namespace plinth::cli
