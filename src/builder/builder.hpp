// SPDX-License-Identifier: Apache-2.0
// How an image gets built, behind one interface (see docs/build.md): the classic builder
// through the Engine API, or BuildKit through the docker CLI's buildx plugin.
#pragma once

#include "builder/progress.hpp"
#include "engine/build_context.hpp"
#include "engine_api/ports.hpp"
#include "render/render.hpp"
#include "util/result.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace plinth::builder {

struct BuildJob {
  std::string image;                 // stack image name (for events)
  std::filesystem::path context_dir; // the stack file's directory
  std::string dockerfile;
  std::string dockerignore;                  // allow-list: the context holds only these paths
  std::vector<engine::ContextFile> extras;   // generated files (.plinth/plinth-init, its config)
  std::map<std::string, std::string> labels; // added to the image (io.plinth.build.digest)
  std::string network_mode = "host";
  bool no_cache = false;
};

class Builder {
public:
  virtual ~Builder() = default;
  virtual std::string_view name() const = 0;   // "classic" | "buildkit"
  virtual render::Flavour flavour() const = 0; // which Dockerfile flavour it builds
  // Returns the built image ID. Errors carry the failing step and its last output lines.
  virtual Result<std::string> build(const BuildJob& job, BuildProgress& events) = 0;
};

// POST /build through the engine (classic builder; works with every daemon).
std::unique_ptr<Builder> make_classic_builder(engine::Images& engine);
// `docker buildx build --load` (BuildKit: cache mounts); needs the docker CLI with buildx.
std::unique_ptr<Builder> make_buildx_builder();
// Whether `docker buildx version` works on this machine.
bool buildx_available();

} // namespace plinth::builder
