// SPDX-License-Identifier: Apache-2.0
// `plinth doctor` as a use case: probe the host (under a root prefix), ask the engine, learn
// what the images need (stack file, image labels, --cuda / --tf), and judge it all with the
// pure verdicts of src/doctor. Also what `plinth up` calls for its GPU guard rail.
#pragma once

#include "compat/db.hpp"
#include "doctor/diagnose.hpp"
#include "doctor/engine_capture.hpp"
#include "doctor/facts.hpp"
#include "doctor/guard.hpp"
#include "doctor/requirements.hpp"
#include "engine/docker_engine.hpp"
#include "model/stack.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace plinth::app {

struct DoctorOptions {
  std::filesystem::path root = "/";   // host root prefix (a fixture in tests)
  std::vector<std::string> path_dirs; // $PATH, split (searched under root)
  bool probe_engine = true;
  std::string docker_host; // empty: $DOCKER_HOST, else the default socket
  std::optional<std::filesystem::path> stack_file;
  std::vector<std::string> images; // --image references
  std::vector<Version> cuda;       // --cuda
  std::vector<Version> tensorflow; // --tf
  // Testing: image inspect replies from <dir>/<ref with '/' and ':' as '_'>.json instead
  // of the engine.
  std::optional<std::filesystem::path> inspect_dir;
};

struct DoctorRun {
  doctor::HostFacts facts;
  std::vector<doctor::ImageRequirement> images;
  doctor::Report report;
};

// Never fails as a whole: what cannot be learned becomes a failed check.
DoctorRun run_doctor(const DoctorOptions& options, const compat::Db& db);

// The engine section: reachability (classified: socket missing / permission denied / not
// answering), /_ping, /version, /info. With a fixture root, the captured replies.
// `connected` holds the client when the engine answered.
doctor::EngineFacts probe_engine(const DoctorOptions& options,
                                 std::unique_ptr<engine::DockerEngine>& connected);

// The engine section from a connected client (reach ok).
doctor::EngineFacts engine_facts(engine::System& engine);

// A fixture root's captured replies, replayed through a scripted transport into the real
// client: the same parsers as a live run.
doctor::EngineFacts replay_engine_capture(const doctor::EngineCapture& capture);

// What an image needs, from the engine's image inspect (labels and environment).
Result<doctor::ImageRequirement>
image_requirement(engine::Images& engine, const std::string& reference, const compat::Db& db);

// For `plinth up`: probe this host (and the engine, when given: its runtimes count as GPU
// container support) and run the GPU guard for a profile.
doctor::GuardResult gpu_guard_for(engine::System* engine, const model::Profile& profile,
                                  const std::vector<doctor::ImageRequirement>& images,
                                  const compat::Db& db, bool override_requested,
                                  std::string_view override_flag);

// Splits $PATH.
std::vector<std::string> split_path(std::string_view path);

} // namespace plinth::app
