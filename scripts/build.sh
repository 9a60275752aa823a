#!/usr/bin/env bash
# Configures and builds Plinth into a build directory.
#   scripts/build.sh [BUILD_DIR] [extra cmake args...]
# PLINTH_CONFIGURE_ONLY=1 stops after configuring.
# ccache is used when installed (scripts/install-deps.sh installs it); its base directory is
# the checkout, so clones at other paths share the cache.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
shift || true
jobs=${PLINTH_JOBS:-$(nproc)}
launcher=()
if command -v ccache >/dev/null; then
  export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=${PLINTH_BUILD_TYPE:-RelWithDebInfo} \
  "${launcher[@]}" "$@" >/dev/null
if [ "${PLINTH_CONFIGURE_ONLY:-}" = 1 ]; then exit 0; fi
cmake --build "$build" -j "$jobs"
