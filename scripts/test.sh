#!/usr/bin/env bash
# Every test on a fresh Debian machine (as root): install, build with -Werror, run all
# tests, then run the unit tests again under AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export PLINTH_REQUIRE_SERVICES=1
"$root/scripts/install-deps.sh"

# Real services the integration tests use (dockerd, the registry on 127.0.0.1); the
# script fails loudly when one does not start.
if [ -x "$root/scripts/start-services.sh" ]; then
  echo "==> starting services"
  "$root/scripts/start-services.sh"
fi

echo "==> build (RelWithDebInfo, -Werror)"
"$root/scripts/build.sh" "$root/build"
echo "==> all tests"
summary=$(mktemp)
(cd "$root/build" && ctest --output-on-failure --timeout 600) | tee -a "$summary"

echo "==> unit tests under ASan+UBSan"
PLINTH_BUILD_TYPE=Debug "$root/scripts/build.sh" "$root/build-asan" -DPLINTH_SANITIZE=ON
(cd "$root/build-asan" && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest -L unit --output-on-failure --timeout 600) | tee -a "$summary"

if [ -x "$root/fuzz/run.sh" ]; then
  echo "==> fuzzing the Dockerfile parser and the stack-to-Dockerfile path (bounded)"
  "$root/fuzz/run.sh" "${PLINTH_FUZZ_SECONDS:-60}"
fi
echo "==> all test stages passed"
# One closing line over both ctest runs (set -o pipefail already failed the script on any failure).
total=0
for n in $(sed -n 's/.*tests passed, \([0-9]*\) tests failed out of \([0-9]*\).*/\2/p' "$summary"); do
  total=$((total + n))
done
rm -f "$summary"
echo "tests: ${total} passed, 0 failed"
