#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the libFuzzer targets with clang++-14 (ASan + UBSan + libFuzzer) in their own build
# dir and runs each for its share of a bounded time:
#   fuzz_dockerfile over the tests/corpus seeds (half the budget),
#   fuzz_stack over fuzz/stack-seeds (the other half).
# Usage: fuzz/run.sh <seconds> [extra libFuzzer args…]   (seconds is the total for both)
# Exit status: 0 when no crash, hang or sanitizer report; non-zero otherwise.
set -euo pipefail

seconds=${1:-60}
shift || true
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${PLINTH_FUZZ_BUILD_DIR:-"$root/build-fuzz"}
jobs=${PLINTH_FUZZ_BUILD_JOBS:-2}

launcher=()
if command -v ccache >/dev/null; then
  export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
CXX=${CXX_FUZZ:-clang++-14} cmake -S "$root" -B "$build" -G Ninja "${launcher[@]}" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPLINTH_BUILD_FUZZ=ON -DPLINTH_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --target fuzz_dockerfile fuzz_stack -j "$jobs"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# run_fuzzer <target> <seconds> <dictionary> <seed dirs…> -- [extra args]
# New inputs go to a scratch corpus per target so the seed folders stay curated.
run_fuzzer() {
  local target=$1 secs=$2 dict=$3
  shift 3
  local seeds=()
  while [[ $# -gt 0 && $1 != -- ]]; do
    seeds+=("$1")
    shift
  done
  shift || true
  local work="$build/fuzz-corpus/$target" artifacts="$build/fuzz-artifacts/$target"
  mkdir -p "$work" "$artifacts"
  # -timeout: any single input taking >10 s is a hang; the outer timeout guards the run.
  local status=0
  timeout --signal=KILL $((secs + 120)) \
    "$build/fuzz/$target" "$work" "${seeds[@]}" \
    -dict="$dict" -max_total_time="$secs" -timeout=10 \
    -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" "$@" || status=$?
  if [[ $status -ne 0 ]]; then
    echo "fuzz/run.sh: $target failed (exit $status); reproducers in $artifacts" >&2
    ls -l "$artifacts" >&2 || true
  fi
  return $status
}

first=$((seconds / 2))
second=$((seconds - first))
((first > 0)) || first=1
((second > 0)) || second=1
status=0
run_fuzzer fuzz_dockerfile "$first" "$root/fuzz/dockerfile.dict" \
  "$root/tests/corpus" "$root/fuzz/regressions" -- "$@" || status=$?
run_fuzzer fuzz_stack "$second" "$root/fuzz/stack.dict" \
  "$root/fuzz/stack-seeds" -- "$@" || status=$?
exit $status
