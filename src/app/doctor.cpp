// SPDX-License-Identifier: Apache-2.0
#include "app/doctor.hpp"

#include "app/load_stack.hpp"
#include "doctor/probe.hpp"
#include "doctor/rooted_host.hpp"
#include "util/files.hpp"

#include <cstdlib>

namespace plinth::app {
namespace {

namespace fs = std::filesystem;

doctor::Check image_problem(const std::string& subject, const std::string& summary,
                            const std::string& remedy) {
  auto c = doctor::fail_check("image.fit", "image", "Image fit", summary, remedy);
  c.subject = subject;
  return c;
}

// "/" is this host; a root with a capture directory is a fixture; any other root is a
// real file system mounted elsewhere (e.g. the host's / inside a container).
doctor::RootedHost host_view(const DoctorOptions& options) {
  if (options.root != "/" && fs::exists(options.root / doctor::k_capture_dir)) {
    return doctor::RootedHost::fixture(options.root);
  }
  return doctor::RootedHost(options.root, options.path_dirs);
}

std::string inspect_file_name(const std::string& reference) {
  std::string out = reference;
  for (auto& c : out) {
    if (c == '/' || c == ':' || c == '@') {
      c = '_';
    }
  }
  return out + ".json";
}

// --image: labels through the engine (or the testing inspect directory).
void add_image(const DoctorOptions& options, const std::string& ref, engine::Images* engine,
               const compat::Db& db, DoctorRun& run, std::vector<doctor::Check>& problems) {
  if (options.inspect_dir) {
    auto text = read_file(*options.inspect_dir / inspect_file_name(ref));
    auto req = text ? doctor::requirement_from_inspect(ref, *text, db)
                    : Result<doctor::ImageRequirement>(fail(text.error()));
    if (req) {
      run.images.push_back(std::move(*req));
    } else {
      problems.push_back(image_problem(ref, "cannot read the image: " + req.error().describe(),
                                       "check the reference"));
    }
    return;
  }
  if (engine == nullptr) {
    problems.push_back(
        image_problem(ref, "cannot read the image's labels: the engine is not reachable",
                      "fix the engine (see engine.reachable), or ask with --cuda X.Y / --tf X.Y"));
    return;
  }
  auto req = image_requirement(*engine, ref, db);
  if (req) {
    run.images.push_back(std::move(*req));
  } else {
    problems.push_back(image_problem(ref, req.error().describe(),
                                     "pull or build the image, or ask with --cuda X.Y"));
  }
}

void add_stack(const fs::path& file, const compat::Db& db, DoctorRun& run,
               std::vector<doctor::Check>& problems) {
  auto loaded = load_stack(file, db);
  if (!loaded.ok()) {
    problems.push_back(
        image_problem(file.string(),
                      "the stack file has " + std::to_string(loaded.diags.error_count()) +
                          " error(s): its images cannot be judged",
                      "run `plinth check -f " + file.string() + "` and fix what it reports"));
    return;
  }
  for (auto& req : doctor::requirements_from_stack(*loaded.resolved)) {
    run.images.push_back(std::move(req));
  }
}

} // namespace

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> out;
  while (true) {
    const auto colon = path.find(':');
    out.emplace_back(path.substr(0, colon));
    if (colon == std::string_view::npos) {
      return out;
    }
    path.remove_prefix(colon + 1);
  }
}

DoctorRun run_doctor(const DoctorOptions& options, const compat::Db& db) {
  DoctorRun run;
  const auto host = host_view(options);
  run.facts = doctor::probe_host(host);
  std::unique_ptr<engine::DockerEngine> engine;
  if (options.probe_engine) {
    run.facts.engine = probe_engine(options, engine);
  }
  run.facts.disk = doctor::probe_disk(host, run.facts.engine);

  std::vector<doctor::Check> problems;
  if (options.stack_file) {
    add_stack(*options.stack_file, db, run, problems);
  }
  for (const auto& ref : options.images) {
    add_image(options, ref, engine.get(), db, run, problems);
  }
  for (const auto& cuda : options.cuda) {
    run.images.push_back(doctor::requirement_for_cuda(cuda));
  }
  for (const auto& tf : options.tensorflow) {
    if (auto req = doctor::requirement_for_tf(tf, db)) {
      run.images.push_back(std::move(*req));
    } else {
      problems.push_back(image_problem("TensorFlow " + tf.str(),
                                       "TensorFlow " + tf.truncated(2).str() +
                                           " is not in the compatibility database",
                                       "`plinth compat list` shows the known releases"));
    }
  }
  run.report = doctor::diagnose(run.facts, run.images, db);
  for (auto& p : problems) {
    run.report.checks.push_back(std::move(p));
  }
  return run;
}

doctor::GuardResult gpu_guard_for(engine::System* engine, const model::Profile& profile,
                                  const std::vector<doctor::ImageRequirement>& images,
                                  const compat::Db& db, bool override_requested,
                                  std::string_view override_flag) {
  if (profile.gpus.empty()) {
    return {};
  }
  const char* path = std::getenv("PATH");
  const doctor::RootedHost host(
      "/", split_path(path != nullptr ? path : "/usr/sbin:/usr/bin:/sbin:/bin"));
  auto facts = doctor::probe_host(host);
  if (engine != nullptr) {
    facts.engine = engine_facts(*engine);
  }
  return doctor::gpu_guard(facts, profile, images, db, override_requested, override_flag);
}

} // namespace plinth::app
