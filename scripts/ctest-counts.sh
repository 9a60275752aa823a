#!/usr/bin/env bash
# Prints "PASSED FAILED SKIPPED" for one ctest log (its output, as tee'd by scripts/test.sh).
# ctest counts skipped tests (SKIP_RETURN_CODE) among the passed in its summary line
# "N% tests passed, F tests failed out of T", so they are taken out here.
#   scripts/ctest-counts.sh LOG
set -euo pipefail
log=$1
summary=$(grep -E '^[0-9]+% tests passed, [0-9]+ tests failed out of [0-9]+$' "$log" | tail -n 1 || true)
if [ -z "$summary" ]; then
  echo "0 0 0" # ctest ran nothing (e.g. "No tests were found!!!")
  exit 0
fi
failed=$(sed -E 's/.* ([0-9]+) tests failed out of .*/\1/' <<<"$summary")
total=$(sed -E 's/.* out of ([0-9]+)$/\1/' <<<"$summary")
# The list under "The following tests did not run:" ("  12 - e2e.build (Skipped)").
skipped=$(grep -cE '^[[:space:]]+[0-9]+ - .* \((Skipped|Disabled)\)$' "$log" || true)
echo "$((total - failed - skipped)) $failed $skipped"
