#!/usr/bin/env bash
# Every test on a fresh Debian machine (as root): install, build with -Werror, run all
# tests, then run the unit and CLI tests again under AddressSanitizer + UndefinedBehaviorSanitizer.
# Tests are configured ON explicitly: build/ may have been configured without them (by
# scripts/demo.sh), and a stage that finds no tests fails instead of passing with 0.
#   scripts/test.sh
#   scripts/test.sh --configure-only BUILD_DIR   only this script's configure step (for
#                                                tests/scripts/test_sh_finds_tests.sh)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tests_on=(-DPLINTH_BUILD_TESTS=ON)
if [ "${1:-}" = "--configure-only" ]; then
  PLINTH_CONFIGURE_ONLY=1 exec "$root/scripts/build.sh" "$2" "${tests_on[@]}"
fi
export PLINTH_REQUIRE_SERVICES=1
"$root/scripts/install-deps.sh"

# Real services the integration tests use (dockerd, the registry on 127.0.0.1); the
# script fails loudly when one does not start.
if [ -x "$root/scripts/start-services.sh" ]; then
  echo "==> starting services"
  "$root/scripts/start-services.sh"
fi

passed=0 failed=0 skipped=0
# The closing line CI recognises: what really ran, over every ctest stage.
finish() {
  if [ "$skipped" -gt 0 ]; then echo "tests skipped: $skipped"; fi
  echo "tests: ${passed} passed, ${failed} failed"
  exit "$1"
}
# stage NAME BUILD_DIR [ctest args...]: runs ctest there and adds up what it ran; stops the
# script on a failure or when the stage ran no test at all.
stage() {
  local name=$1 dir=$2 log rc=0 p f s
  shift 2
  log=$(mktemp)
  (cd "$dir" && ctest --no-tests=error --output-on-failure --timeout 600 "$@") 2>&1 | tee "$log" || rc=$?
  read -r p f s < <("$root/scripts/ctest-counts.sh" "$log")
  rm -f "$log"
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
  if [ $((p + f + s)) -eq 0 ]; then
    echo "==> $name: no tests ran"
    finish 1
  fi
  if [ "$rc" -ne 0 ]; then
    echo "==> $name: ctest failed (exit $rc)"
    finish 1
  fi
}

echo "==> build (RelWithDebInfo, -Werror)"
"$root/scripts/build.sh" "$root/build" "${tests_on[@]}"
echo "==> all tests"
stage "all tests" "$root/build"

echo "==> unit and CLI tests under ASan+UBSan"
PLINTH_BUILD_TYPE=Debug "$root/scripts/build.sh" "$root/build-asan" "${tests_on[@]}" -DPLINTH_SANITIZE=ON
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
stage "unit and CLI tests under ASan+UBSan" "$root/build-asan" -L 'unit|cli'

if [ -x "$root/fuzz/run.sh" ]; then
  echo "==> fuzzing the Dockerfile parser and the stack-to-Dockerfile path (bounded)"
  "$root/fuzz/run.sh" "${PLINTH_FUZZ_SECONDS:-60}"
fi
echo "==> all test stages passed"
finish 0
