#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds fuzz_dockerfile with clang++-14 (ASan + UBSan + libFuzzer) in its own build dir and
# runs it for a bounded time over the tests/corpus seeds.
# Usage: fuzz/run.sh <seconds> [extra libFuzzer args…]
# Exit status: 0 when no crash, hang or sanitizer report; non-zero otherwise.
set -euo pipefail

seconds=${1:-60}
shift || true
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${PLINTH_FUZZ_BUILD_DIR:-"$root/build-fuzz"}
jobs=${PLINTH_FUZZ_BUILD_JOBS:-2}

CXX=${CXX_FUZZ:-clang++-14} cmake -S "$root" -B "$build" -G Ninja \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPLINTH_BUILD_FUZZ=ON -DPLINTH_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --target fuzz_dockerfile -j "$jobs"

# New inputs go to a scratch corpus so tests/corpus stays curated.
work="$build/fuzz-corpus"
artifacts="$build/fuzz-artifacts"
mkdir -p "$work" "$artifacts"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# -timeout: any single input taking >10 s is a hang; the outer timeout guards the whole run.
status=0
timeout --signal=KILL $((seconds + 120)) \
  "$build/fuzz/fuzz_dockerfile" "$work" "$root/tests/corpus" "$root/fuzz/regressions" \
  -dict="$root/fuzz/dockerfile.dict" -max_total_time="$seconds" -timeout=10 \
  -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 \
  -artifact_prefix="$artifacts/" "$@" || status=$?

if [[ $status -ne 0 ]]; then
  echo "fuzz/run.sh: fuzzer failed (exit $status); reproducers in $artifacts" >&2
  ls -l "$artifacts" >&2 || true
fi
exit $status
