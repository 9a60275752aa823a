// SPDX-License-Identifier: Apache-2.0
// How rendered RUNs treat package caches: BuildKit mounts a cache per package manager (kept
// between builds, never in a layer); the classic builder has no mounts, so each RUN cleans
// up after itself instead. One place for both, so every install follows the same rules.
#pragma once

#include "render/render.hpp"

#include <string>
#include <vector>

namespace plinth::render {

inline constexpr const char* k_apt_cache_mount =
    "--mount=type=cache,target=/var/cache/apt,sharing=locked";
inline constexpr const char* k_pip_cache_mount = "--mount=type=cache,target=/root/.cache/pip";
inline constexpr const char* k_npm_cache_mount = "--mount=type=cache,target=/root/.npm";

// The first steps of a RUN that installs with apt: under BuildKit, keep the downloaded
// packages in the cache mount (Debian's docker-clean hook deletes them); none for classic.
// The first returned step has no leading "&&".
std::vector<std::string> apt_keep_downloads(Flavour f);

// `mounts` under BuildKit, none for the classic builder.
std::vector<std::string> cache_mounts(Flavour f, std::vector<std::string> mounts);

// "pip install", with --no-cache-dir for the classic builder (no cache mount to use).
std::string pip_install(Flavour f);

} // namespace plinth::render
