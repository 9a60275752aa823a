#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# End-to-end test of `plinth doctor` (issue #6):
#   1. fixture hosts (--root tests/doctor/fixtures/<scenario>): the acceptance verdicts, text
#      and --json, exit codes;
#   2. this machine: the GPU section (on a machine without an NVIDIA driver: the "no NVIDIA
#      driver" report) and the engine section against the real dockerd, compared with what
#      dockerd itself answers on its socket.
# Usage: bash doctor.sh <path-to-plinth> <source-dir>
# Without dockerd the engine part is skipped, except under CI (CI=true or
# PLINTH_REQUIRE_SERVICES=1), where a missing dockerd is a failure.
set -uo pipefail

plinth=$(realpath "$1")
src=$(realpath "$2")
fixtures="$src/tests/doctor/fixtures"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1

failures=0
pass() { echo "ok   - $*"; }
bad() { echo "FAIL - $*"; failures=$((failures + 1)); }
skip() { echo "skip - $*"; }

# run <name> <expected exit> <args...>: output in $work/<name>.out
run() {
  local name=$1 want=$2
  shift 2
  "$plinth" doctor "$@" >"$work/$name.out" 2>"$work/$name.err"
  local rc=$?
  if [ "$rc" -eq "$want" ]; then pass "$name: exit $rc"; else bad "$name: exit $rc, want $want"; cat "$work/$name.out" "$work/$name.err"; fi
}
# run_any <name> <args...>: any of the exit codes 0, 1, 2 (depends on this machine)
run_any() {
  local name=$1
  shift
  "$plinth" doctor "$@" >"$work/$name.out" 2>"$work/$name.err"
  local rc=$?
  if [ "$rc" -le 2 ]; then pass "$name: exit $rc"; else bad "$name: exit $rc"; cat "$work/$name.err"; fi
}
has() { # has <name> <text>
  if grep -qF -- "$2" "$work/$1.out"; then pass "$1: says '$2'"; else bad "$1: does not say '$2'"; cat "$work/$1.out"; fi
}
json_is() { # json_is <name> <jq filter> <expected>
  local got
  got=$(jq -r "$2" "$work/$1.out" 2>&1)
  if [ "$got" = "$3" ]; then pass "$1: $2 == $3"; else bad "$1: $2 is '$got', want '$3'"; fi
}

echo "# fixture hosts"
run f470 2 --root "$fixtures/driver-470" -f "$src/examples/tf-gpu-team/plinth.yaml"
has f470 "[FAIL] Image fit: tf-base, vision-common, defect-detector: incompatible: CUDA 12.3 GA needs NVIDIA driver >= 525.60.13 (minor-version compatibility; >= 545.23.06 for full support); this host has 470.82.01"
has f470 "newest TensorFlow GPU build that runs on 470.82.01: TensorFlow 2.14.0 (CUDA 11.8, cuDNN 8.7) through minor-version compatibility; newest with full support: TensorFlow 2.11.0 (CUDA 11.2, cuDNN 8.1)"
run f470json 2 --root "$fixtures/driver-470" -f "$src/examples/tf-gpu-team/plinth.yaml" --json
json_is f470json '.status' fail
json_is f470json '.exit_code' 2
json_is f470json '.host.driver.version' 470.82.01
json_is f470json '.images[0].verdict' incompatible
json_is f470json '[.checks[] | select(.id == "image.fit")][0].remedy | contains("545.23.06")' true

run f535 1 --root "$fixtures/driver-535" --cuda 12.3
has f535 "compatible only through CUDA minor-version compatibility: driver 535.104.05 is below CUDA 12.3 GA's toolkit driver 545.23.06"
has f535 "will not work: PTX JIT compilation"
has f535 "cudaErrorCallRequiresNewerDriver"

run f550 0 --root "$fixtures/driver-550" --cuda 12.3 --json
json_is f550 '.images[0].verdict' compatible

mkdir -p "$work/inspect"
cp "$src/tests/doctor/images/tensorflow-2.16.1-gpu.json" "$work/inspect/tensorflow_tensorflow_2.16.1-gpu.json"
run fimage 1 --root "$fixtures/driver-535" --image tensorflow/tensorflow:2.16.1-gpu --inspect-dir "$work/inspect" --json
json_is fimage '.images[0].source' env
json_is fimage '.images[0].verdict' minor_version_compat
json_is fimage '[.checks[] | select(.id == "image.nvidia-require")][0].status' warn

run fdown 2 --root "$fixtures/engine-down"
has fdown "no engine socket at /var/run/docker.sock"
run usage 2 --cuda not-a-version
run unknown_tf 2 --root "$fixtures/driver-550" --tf 1.15

echo "# this machine"
if [ -r /proc/driver/nvidia/version ]; then
  skip "this machine has an NVIDIA driver: the no-driver checks do not apply"
  run_any host_gpu --no-engine --json
  json_is host_gpu '.host.driver.present' true
  jq -r '.checks[] | "\(.status) \(.id): \(.summary)"' "$work/host_gpu.out" || true
else
  run host 0 --no-engine
  has host "[ok]   NVIDIA driver: no NVIDIA driver: /proc/driver/nvidia/version is missing (fine for CPU images; GPU images cannot run here)"
  run host_gpu 2 --no-engine --cuda 12.3 --json
  json_is host_gpu '.host.driver.present' false
  json_is host_gpu '[.checks[] | select(.id == "gpu.driver")][0].status' fail
  json_is host_gpu '.images[0].verdict' no_driver
  # In a stack folder the doctor judges the stack's GPU images without being asked.
  (cd "$src/examples/tf-gpu-team" && "$plinth" doctor --no-engine --json >"$work/stackdir.out" 2>"$work/stackdir.err")
  json_is stackdir '.images[0].name' "tf-base, vision-common, defect-detector"
  json_is stackdir '.images[0].verdict' no_driver
fi

socket=/var/run/docker.sock
if [ -n "${DOCKER_HOST:-}" ]; then socket=${DOCKER_HOST#unix://}; fi
require=0
if [ "${CI:-}" = "true" ] || [ "${PLINTH_REQUIRE_SERVICES:-}" = "1" ]; then require=1; fi
if curl -sf --max-time 5 --unix-socket "$socket" http://localhost/_ping >/dev/null 2>&1; then
  curl -s --unix-socket "$socket" http://localhost/version >"$work/version.json"
  curl -s --unix-socket "$socket" http://localhost/info >"$work/info.json"
  run_any engine --json
  json_is engine '.engine.reach' ok
  json_is engine '.engine.server_version' "$(jq -r .Version "$work/version.json")"
  json_is engine '.engine.api_version' "$(jq -r .ApiVersion "$work/version.json")"
  json_is engine '.engine.storage_driver' "$(jq -r .Driver "$work/info.json")"
  json_is engine '.engine.cgroup_version' "$(jq -r .CgroupVersion "$work/info.json")"
  json_is engine '.engine.docker_root_dir' "$(jq -r .DockerRootDir "$work/info.json")"
  json_is engine '.host.disk.path' "$(jq -r .DockerRootDir "$work/info.json")"
  json_is engine '.host.disk.known' true
  json_is engine '[.checks[] | select(.id == "engine.reachable")][0].status' ok
  json_is engine '[.checks[] | select(.id == "engine.api")][0].status' ok
  if jq -e '.Runtimes | has("nvidia")' "$work/info.json" >/dev/null; then want_rt=true; else want_rt=false; fi
  json_is engine '.engine.runtimes | index("nvidia") != null' "$want_rt"
  # --image through the engine: an image imported with Plinth labels and NVIDIA_REQUIRE_CUDA.
  (cd "$work" && echo hi >hello.txt && tar cf img.tar hello.txt)
  ref=plinth-doctor-e2e:gpu-$$
  curl -sf --unix-socket "$socket" -X POST -H 'Content-Type: application/x-tar' --data-binary @"$work/img.tar" \
    "http://localhost/images/create?fromSrc=-&repo=plinth-doctor-e2e&tag=gpu-$$&changes=LABEL%20io.plinth.variant%3Dgpu&changes=LABEL%20io.plinth.cuda%3D12.3&changes=ENV%20NVIDIA_REQUIRE_CUDA%3Dcuda%3E%3D12.3" >/dev/null \
    || bad "could not import a test image into dockerd"
  run_any image --image "$ref" --json
  json_is image '.images[0].source' labels
  json_is image '.images[0].cuda' 12.3
  json_is image '.images[0].nvidia_require[0]' 'cuda>=12.3'
  if [ ! -r /proc/driver/nvidia/version ]; then json_is image '.images[0].verdict' no_driver; fi
  curl -s --unix-socket "$socket" -X DELETE "http://localhost/images/$ref?force=1" >/dev/null
  run missing_image 2 --image plinth-doctor-e2e:no-such-tag-$$
  has missing_image "plinth-doctor-e2e:no-such-tag-$$"
  has missing_image "pull or build"
  # A socket that does not exist is explained as such.
  DOCKER_HOST=unix://$work/no-such.sock "$plinth" doctor --json >"$work/nosock.out" 2>/dev/null
  json_is nosock '.engine.reach' socket_missing
  json_is nosock '[.checks[] | select(.id == "engine.reachable")][0].status' fail
  json_is nosock '.exit_code' 2
  # A user who may not use the socket (as root, when the socket is not open to everyone).
  if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null && [ "$(stat -c %a "$socket" | cut -c3)" = 0 ]; then
    chmod 755 "$work" && cp "$plinth" "$work/plinth-copy" && chmod 755 "$work/plinth-copy"
    (cd "$work" && setpriv --reuid=65534 --regid=65534 --clear-groups "$work/plinth-copy" doctor --no-stack --json \
      >"$work/denied.out" 2>/dev/null)
    json_is denied '.engine.reach' permission_denied
    json_is denied '[.checks[] | select(.id == "engine.reachable")][0].remedy | contains("usermod -aG docker")' true
  else
    skip "permission-denied case (needs root, setpriv and a socket closed to others)"
  fi
  # A socket nobody answers on.
  python3 -c 'import socket,sys; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1])' "$work/dead.sock"
  DOCKER_HOST=unix://$work/dead.sock "$plinth" doctor --json >"$work/dead.out" 2>/dev/null
  json_is dead '.engine.reach' not_answering
elif [ "$require" = 1 ]; then
  bad "dockerd is not answering on $socket (required under CI: scripts/start-services.sh starts it)"
else
  skip "dockerd is not answering on $socket: engine section not compared"
  run noengine 2
  has noengine "Engine reachable"
fi

echo "# $failures failure(s)"
[ "$failures" -eq 0 ]
