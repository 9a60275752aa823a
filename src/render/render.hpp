// SPDX-License-Identifier: Apache-2.0
// Resolved stack -> one Dockerfile and .dockerignore per image. Deterministic: the same
// inputs give byte-identical output (no timestamps, no map-order dependence).
#pragma once

#include "model/resolved.hpp"
#include "render/plan.hpp"
#include "util/result.hpp"

#include <map>
#include <string>
#include <vector>

namespace plinth::render {

// BuildKit gets cache mounts for apt/pip/npm and COPY --link; the classic builder gets
// the same layers with caches cleaned inside each RUN.
enum class Flavour { buildkit, classic };
std::string_view flavour_name(Flavour f);

struct RenderInputs {
  // sha256 of each file or directory the stack copies (copy src, requirements), by path as
  // written in the stack file; computed by the caller, which does the I/O.
  std::map<std::string, std::string> file_digests;
  // Manifest digests of already-built parents (from plinth.lock), by image name; when
  // present, a child's FROM is pinned by that digest.
  std::map<std::string, std::string> image_digests;
};

struct RenderedImage {
  std::string name;
  std::string dockerfile;
  std::string dockerignore;
  // Files `plinth build` adds to the build context under .plinth/ (see init_config.hpp).
  std::string init_config;        // .plinth/plinth-init.conf; empty when the image has no tools
  bool needs_init_binary = false; // .plinth/plinth-init, the static supervisor
  std::string input_digest;       // "sha256:<hex>" over everything that determines the image
  Plan plan;                      // the instructions `dockerfile` holds (verify.hpp)
};

// All images or an Errc::internal error: a value with no safe spelling in the Dockerfile, or
// a rendered Dockerfile that does not parse back into its plan (a renderer bug).
Result<std::vector<RenderedImage>> render_stack(const model::ResolvedStack& stack, Flavour flavour,
                                                const RenderInputs& inputs);

} // namespace plinth::render
