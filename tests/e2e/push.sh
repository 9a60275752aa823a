#!/usr/bin/env bash
# End-to-end push: plinth push to the loopback registry (the digests read back over the
# registry's HTTP API equal plinth.lock), a second push finds everything there, and a changed
# image may not take a released tag.
#
#   bash push.sh <path-to-plinth> <source-dir>
set -uo pipefail
source "$(dirname "$0")/lib/plinth_e2e.sh" "$@"

echo "== push to the loopback registry"
bootstrap_and_build "$work/push" "127.0.0.1:5000/plinth-test-$run_id"
out=$("$plinth" push -f "$work/push/plinth.yaml" 2>&1)
rc=$?
expect_eq "$rc" 0 "plinth push succeeds"
for image in base common project; do
  ref=$(ref_of "$work/push" "$image")
  repo=${ref#127.0.0.1:5000/}
  repo=${repo%:*}
  tag=${ref##*:}
  remote=$(curl -sI -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
    "http://127.0.0.1:5000/v2/$repo/manifests/$tag" | tr -d '\r' | sed -n 's/^[Dd]ocker-[Cc]ontent-[Dd]igest: //p')
  expect_eq "$remote" "$(lock_digest "$work/push/plinth.lock" "$image" manifest_digest)" \
    "$image: the registry's digest for $tag equals plinth.lock"
done
out=$("$plinth" push -f "$work/push/plinth.yaml" 2>&1)
expect_eq "$(grep -c 'already there' <<<"$out")" 3 "a second push finds every image already there"

echo "== immutability: a changed image may not take a released tag"
echo "# changed after the release" >>"$work/push/project/src/hello.py"
out=$("$plinth" build --push -f "$work/push/plinth.yaml" 2>&1)
expect_eq "$?" 4 "plinth build --push of a changed image to an existing tag exits 4"
expect_contains "$out" "project:tf2.16-py311-cpu-v0.1.0" "the changed project was built before the push"
expect_contains "$out" "refusing to overwrite" "the refusal says why"

finish
