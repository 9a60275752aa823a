// SPDX-License-Identifier: Apache-2.0
// BuildKit through `docker buildx build --load`: the Engine API's BuildKit mode needs a
// gRPC session over a hijacked connection, so Plinth delegates to the docker CLI when it
// has the buildx plugin (see docs/build.md). Progress comes from --progress=plain.
#include "builder/builder.hpp"

#include "engine/build_context.hpp"
#include "util/files.hpp"
#include "util/process.hpp"

#include <cstdlib>
#include <deque>
#include <regex>
#include <unistd.h>

namespace plinth::builder {
namespace {

namespace fs = std::filesystem;

class BuildxBuilder final : public Builder {
public:
  std::string_view name() const override { return "buildkit"; }
  render::Flavour flavour() const override { return render::Flavour::buildkit; }
  Result<std::string> build(const BuildJob& job, BuildProgress& events) override;
};

// The context is the same deterministic tar the classic builder uploads, on stdin.
std::vector<std::string> command(const BuildJob& job, const fs::path& dir) {
  std::vector<std::string> argv = {"docker",
                                   "buildx",
                                   "build",
                                   "--load",
                                   "--progress=plain",
                                   "--iidfile",
                                   (dir / "iid").string()};
  if (!job.network_mode.empty()) {
    argv.push_back("--network=" + job.network_mode);
  }
  if (job.no_cache) {
    argv.emplace_back("--no-cache");
  }
  for (const auto& [k, v] : job.labels) {
    argv.push_back("--label=" + k + "=" + v);
  }
  argv.emplace_back("-");
  return argv;
}

Result<std::string> BuildxBuilder::build(const BuildJob& job, BuildProgress& events) {
  std::string tmpl = (fs::temp_directory_path() / "plinth-buildx-XXXXXX").string();
  if (::mkdtemp(tmpl.data()) == nullptr) {
    return fail(Errc::io,
                "cannot create a temporary directory for the build of '" + job.image + "'");
  }
  const fs::path dir = tmpl;
  auto context =
      engine::make_build_context(job.context_dir, job.dockerfile, job.dockerignore, job.extras);
  if (!context) {
    std::error_code ec;
    fs::remove_all(dir, ec);
    return fail(std::move(
        context.error().with_context("preparing the build context of '" + job.image + "'")));
  }
  static const std::regex k_step(R"(^#\d+ \[(?:[^\]]* )?(\d+)/(\d+)\] (.*)$)");
  auto r = run_process(
      command(job, dir),
      [&](std::string_view line) {
        std::smatch m;
        const std::string l(line);
        if (std::regex_match(l, m, k_step)) {
          events.image_step(job.image, std::stoi(m[1]), std::stoi(m[2]), m[3].str());
        } else {
          events.image_log(job.image, line);
        }
      },
      *context);
  auto iid = read_file(dir / "iid");
  std::error_code ec;
  fs::remove_all(dir, ec);
  if (!r) {
    return fail(
        std::move(r.error().with_context("building '" + job.image + "' with docker buildx")));
  }
  if (r->exit_code != 0 || !iid) {
    return fail(Error(Errc::io, "docker buildx build exited with status " +
                                    std::to_string(r->exit_code) + "\n--- last output ---\n" +
                                    r->tail)
                    .with_context("building '" + job.image + "'"));
  }
  return *iid;
}

} // namespace

std::unique_ptr<Builder> make_buildx_builder() {
  return std::make_unique<BuildxBuilder>();
}

// Looks for the plugin where the docker CLI does instead of running `docker buildx version`
// (a process start costs more than a whole no-op build).
bool buildx_available() {
  if (find_program("docker").empty()) {
    return false;
  }
  std::vector<fs::path> dirs;
  if (const char* cfg = std::getenv("DOCKER_CONFIG"); cfg != nullptr && *cfg != '\0') {
    dirs.emplace_back(fs::path(cfg) / "cli-plugins");
  } else if (const char* home = std::getenv("HOME"); home != nullptr) {
    dirs.emplace_back(fs::path(home) / ".docker/cli-plugins");
  }
  for (const auto* d :
       {"/usr/local/lib/docker/cli-plugins", "/usr/local/libexec/docker/cli-plugins",
        "/usr/lib/docker/cli-plugins", "/usr/libexec/docker/cli-plugins"}) {
    dirs.emplace_back(d);
  }
  for (const auto& d : dirs) {
    if (::access((d / "docker-buildx").c_str(), X_OK) == 0) {
      return true;
    }
  }
  return false;
}

} // namespace plinth::builder
