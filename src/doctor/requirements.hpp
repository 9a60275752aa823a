// SPDX-License-Identifier: Apache-2.0
// What an image needs from the host's GPU stack, from wherever it can be learned: a
// resolved stack image, an image's labels and environment (Plinth's io.plinth.* labels,
// else nvidia/cuda's CUDA_VERSION / NVIDIA_REQUIRE_CUDA, NGC's TENSORFLOW_VERSION), or a
// direct question (--cuda / --tf). Pure.
#pragma once

#include "compat/db.hpp"
#include "model/resolved.hpp"
#include "util/result.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plinth::doctor {

struct ImageRequirement {
  std::string name;   // image name(s) or reference, or "--cuda 12.3"
  std::string source; // "stack", "labels", "env", "flag"
  bool gpu = false;   // wants a GPU
  std::optional<Version> cuda;
  std::optional<Version> cudnn;
  std::optional<Version> tensorflow;
  std::optional<Version> driver_min;       // io.plinth.driver.min
  std::optional<Version> driver_toolkit;   // io.plinth.driver.toolkit
  std::vector<std::string> nvidia_require; // NVIDIA_REQUIRE_* values (not JETPACK), by name
  bool disable_require = false;            // NVIDIA_DISABLE_REQUIRE is true
  bool and_cuda_extra = false;             // CUDA comes from the tensorflow[and-cuda] wheels
};

// A resolved stack image (variant "gpu" wants a GPU).
ImageRequirement requirement_from_resolved(const model::ResolvedImage& image);

// GPU images of a stack, merged where they need the same thing (children of one GPU base
// usually do): the name lists them all, "tf-base, vision-common, defect-detector".
std::vector<ImageRequirement> requirements_from_stack(const model::ResolvedStack& stack);

// An image's config: labels and environment ("KEY=value" entries).
ImageRequirement requirement_from_config(std::string name,
                                         const std::map<std::string, std::string>& labels,
                                         const std::vector<std::string>& env, const compat::Db& db);

// The engine's GET /images/{name}/json reply (Config.Labels, Config.Env).
Result<ImageRequirement> requirement_from_inspect(std::string name, std::string_view json,
                                                  const compat::Db& db);

// `--cuda X.Y`: an image built for that CUDA.
ImageRequirement requirement_for_cuda(const Version& cuda);
// `--tf X.Y`: the TensorFlow GPU build of that release; nullopt when the DB lacks it.
std::optional<ImageRequirement> requirement_for_tf(const Version& tf, const compat::Db& db);

// Go's strconv.ParseBool, which NVIDIA_DISABLE_REQUIRE is read with.
bool go_parse_bool_true(std::string_view value);

} // namespace plinth::doctor
