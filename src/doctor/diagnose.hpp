// SPDX-License-Identifier: Apache-2.0
// The verdicts: HostFacts + what the images need + the compatibility database -> Report.
// Pure functions (no I/O); each check explains itself and names the fix.
#pragma once

#include "compat/db.hpp"
#include "doctor/facts.hpp"
#include "doctor/nvidia_require.hpp"
#include "doctor/report.hpp"
#include "doctor/requirements.hpp"

#include <optional>
#include <vector>

namespace plinth::doctor {

// Thresholds for the engine's data root (a TensorFlow GPU image is ~8-12 GiB to build).
inline constexpr std::uint64_t k_disk_fail_bytes = 5ULL << 30;
inline constexpr std::uint64_t k_disk_warn_bytes = 20ULL << 30;
// The oldest Docker Engine API Plinth talks to (Docker 19.03); the same floor as
// engine::k_min_api (src/engine/docker_host.hpp), which this pure layer does not include.
inline constexpr const char* k_min_engine_api = "1.40";

// The full report: GPU and driver, host, engine (when probed), then one check per image
// requirement (and one per NVIDIA_REQUIRE_* evaluation).
Report diagnose(const HostFacts& host, const std::vector<ImageRequirement>& images,
                const compat::Db& db);

// The sections, for callers (and tests) that want one.
std::vector<Check> gpu_checks(const HostFacts& host, bool gpu_wanted, const compat::Db& db);
std::vector<Check> host_checks(const HostFacts& host);
std::vector<Check> engine_checks(const HostFacts& host, bool gpu_wanted);
Check gpu_runtime_check(const HostFacts& host, bool gpu_wanted);
Check disk_check(const DiskFacts& disk);

// How the host's driver fits one image (id "image.<n>", verdict k_verdict_*).
Check image_check(const HostFacts& host, const ImageRequirement& image, const compat::Db& db);
// The NVIDIA container toolkit's start-time check of the image's NVIDIA_REQUIRE_* values;
// nullopt when the image has none or there is no driver to check against.
std::optional<Check> nvidia_require_check(const HostFacts& host, const ImageRequirement& image,
                                          const compat::Db& db);

// The highest CUDA the driver supports: nvidia-smi's "CUDA Version", else the newest CUDA
// release whose toolkit driver the host driver meets (e.g. 535.104.05 -> 12.2).
std::optional<Version> driver_cuda(const HostFacts& host, const compat::Db& db);
RequireHost require_host(const HostFacts& host, const compat::Db& db);

// What a driver runs today: "TensorFlow 2.14.0 (CUDA 11.8, cuDNN 8.7) through minor-version
// compatibility; newest with full support: TensorFlow 2.11.0 (CUDA 11.2, cuDNN 8.1)".
std::string tensorflow_on_driver(const compat::Db& db, const Version& driver);
// "CUDA up to 11.4 Update 4 fully; 11.5-11.8 through minor-version compatibility".
std::string cuda_on_driver(const compat::Db& db, const Version& driver);

} // namespace plinth::doctor
