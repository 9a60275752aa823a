#!/usr/bin/env bash
# README command 1 (scripts/demo.sh) configures build/ with the tests OFF; command 2
# (scripts/test.sh) must still find and run every test. Cheap: configure only, count with
# `ctest -N`, no build. Also checks how scripts/ctest-counts.sh reads ctest's summary.
#   test_sh_finds_tests.sh <source dir>
set -euo pipefail
src=$(realpath "$1")
work=$(mktemp -d "${TMPDIR:-/tmp}/plinth-test-scripts.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
count() { (cd "$1" && ctest -N) | sed -n 's/^Total Tests: //p'; }

# What demo.sh does to build/ (configure part only).
PLINTH_CONFIGURE_ONLY=1 "$src/scripts/build.sh" "$work/build" -DPLINTH_BUILD_TESTS=OFF
[ "$(count "$work/build")" = 0 ] || fail "tests OFF should configure no tests"
echo "  ok: a build dir configured with tests OFF has no tests"

# The configure step test.sh runs before building.
bash "$src/scripts/test.sh" --configure-only "$work/build"
n=$(count "$work/build")
[ "$n" -gt 0 ] || fail "after test.sh's configure step ctest finds no tests"
echo "  ok: test.sh's configure step turns them on ($n tests)"

# ctest-counts.sh: skipped tests are not counted as passed; no summary means nothing ran.
cat >"$work/log" <<'LOG'
67% tests passed, 1 tests failed out of 3

Total Test time (real) =   0.01 sec

The following tests did not run:
	  2 - e2e.build (Skipped)

The following tests FAILED:
	  3 - bad (Failed)
LOG
[ "$(bash "$src/scripts/ctest-counts.sh" "$work/log")" = "1 1 1" ] || fail "ctest-counts.sh: $(bash "$src/scripts/ctest-counts.sh" "$work/log")"
echo "No tests were found!!!" >"$work/log"
[ "$(bash "$src/scripts/ctest-counts.sh" "$work/log")" = "0 0 0" ] || fail "ctest-counts.sh on no tests"
echo "  ok: ctest-counts.sh reads passed, failed and skipped"
echo "all checks passed"
