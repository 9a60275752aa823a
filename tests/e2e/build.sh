#!/usr/bin/env bash
# End-to-end build: plinth base bootstrap, plinth build on the real engine (classic builder),
# verification read-back and plinth.lock, the no-op rebuild (no build call, under a second), a
# project-only rebuild, the engine-not-running error, and plinth images.
#
#   bash build.sh <path-to-plinth> <source-dir>
set -uo pipefail
source "$(dirname "$0")/lib/plinth_e2e.sh" "$@"

echo "== bootstrap"
out=$("$plinth" base bootstrap 2>&1)
rc=$?
expect_eq "$rc" 0 "plinth base bootstrap succeeds"
expect_contains "$out" "plinth.local/bootstrap/debian:bookworm sha256:" "bootstrap prints the reference and image ID"
expect_contains "$(cat "$PLINTH_STATE_DIR/bootstrap.json" 2>/dev/null)" "plinth.local/bootstrap/debian:bookworm" \
  "the bootstrap digest is recorded in the state file"

echo "== build (stable namespace, reused between runs)"
stack_copy "$work/main" "127.0.0.1:5000/plinth-test"
start=$(date +%s)
out=$("$plinth" build -f "$work/main/plinth.yaml" 2>&1)
rc=$?
echo "   (first build took $(($(date +%s) - start)) s)"
expect_eq "$rc" 0 "plinth build succeeds"
[ "$rc" = 0 ] || { echo "$out" | tail -40; exit 1; }
project_ref=$(ref_of "$work/main" project)
tf=$(docker run --rm --network none --entrypoint python "$project_ref" -c 'import tensorflow as tf; print(tf.__version__)' 2>/dev/null | tail -1)
expect_eq "$tf" "2.16.1" "the project image imports the pinned TensorFlow"
expect_eq "$(docker run --rm --network none --entrypoint id "$project_ref" -u)" "1000" "the project image runs as the non-root user"
expect_contains "$(cat "$work/main/plinth.lock")" '"tensorflow-cpu": "2.16.1"' "plinth.lock records pip packages read back from the image"
expect_contains "$(cat "$work/main/plinth.lock")" '"python3.11":' "plinth.lock records dpkg packages"

echo "== no-op rebuild"
start=$(date +%s%N)
out=$("$plinth" build -f "$work/main/plinth.yaml" 2>&1)
rc=$?
ms=$((($(date +%s%N) - start) / 1000000))
expect_eq "$rc" 0 "the unchanged rebuild succeeds"
expect_eq "$(grep -c 'up to date$' <<<"$out")" 3 "every image is up to date ($ms ms)"
expect_not_contains "$out" "building" "no build was started"
[ "$ms" -lt 1000 ] && pass "the no-op build took under a second ($ms ms)" || failed "the no-op build took $ms ms"

echo "== a project file changes: only the project rebuilds"
cp "$work/main/project/src/hello.py" "$work/hello.py.orig"
echo "# touched by the e2e test $run_id" >>"$work/main/project/src/hello.py"
out=$("$plinth" build -f "$work/main/plinth.yaml" 2>&1)
expect_eq "$?" 0 "the rebuild succeeds"
expect_contains "$out" "common:tf2.16-py311-cpu-v1.0.0  " "common is listed"
expect_eq "$(grep -c ' built$' <<<"$out")" 1 "exactly one image was built"
expect_contains "$(grep ' built$' <<<"$out")" "/project:" "the built one is the project"

# Put the original project back (found by its build digest: retagged, not rebuilt) and drop
# the touched image, so the engine keeps one stable set of test images between runs.
touched=$(docker image inspect --format '{{.Id}}' "$project_ref")
cp "$work/hello.py.orig" "$work/main/project/src/hello.py"
out=$("$plinth" build -f "$work/main/plinth.yaml" 2>&1)
expect_eq "$(grep -c ' built$' <<<"$out")" 0 "restoring the file restores the earlier image without a build"
docker rmi "$touched" >/dev/null 2>&1 || true

echo "== engine not running"
cp "$work/main/plinth.lock" "$work/lock.before"
out=$(DOCKER_HOST=unix://$work/no-docker.sock "$plinth" build -f "$work/main/plinth.yaml" --force 2>&1)
expect_eq "$?" 3 "exit code 3 when the engine is unavailable"
expect_contains "$out" "Docker engine is not running" "the error says the engine is not running"
expect_contains "$out" "start it with" "the error says how to start it"
cmp -s "$work/main/plinth.lock" "$work/lock.before" && pass "plinth.lock is untouched" || failed "plinth.lock changed"

echo "== images"
out=$("$plinth" images -f "$work/main/plinth.yaml" --json 2>&1)
expect_eq "$(grep -c '"up_to_date": true' <<<"$out")" 3 "plinth images shows three up-to-date images"

finish
