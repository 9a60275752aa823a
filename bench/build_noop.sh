#!/usr/bin/env bash
# Benchmark: Plinth's no-op build of an unchanged, already-built stack against `docker
# build` (classic builder, warm cache) of the same rendered Dockerfiles, in one run, as a
# ratio. Needs a running dockerd and the stack built once (`plinth build`).
#
#   bash bench/build_noop.sh <path-to-plinth> [stack file] [runs]
set -euo pipefail
plinth=$(realpath "$1")
stack=$(realpath "${2:-examples/tf-cpu-local/plinth.yaml}")
runs=${3:-5}
out=$(mktemp -d /var/tmp/plinth-bench.XXXXXX)
trap 'rm -rf "$out"' EXIT

now_ms() { echo $(($(date +%s%N) / 1000000)); }

"$plinth" build -f "$stack" >/dev/null 2>&1 || { echo "bench: the stack does not build; run plinth build first" >&2; exit 1; }
"$plinth" render -f "$stack" -o "$out/render" --flavour classic >/dev/null
# A copy of the context with what plinth adds under .plinth/ (the supervisor and its config).
cp -r "$(dirname "$stack")" "$out/ctx"
mkdir -p "$out/ctx/.plinth"
init=${PLINTH_INIT_BINARY:-$(dirname "$plinth")/../init/plinth-init}
[ -x "$init" ] || init=$(dirname "$plinth")/plinth-init
cp "$init" "$out/ctx/.plinth/plinth-init" 2>/dev/null || true
mapfile -t images < <("$plinth" tags -f "$stack" --json | sed -n 's/.*"image": *"\([^"]*\)".*/\1/p')
mapfile -t refs < <("$plinth" tags -f "$stack" --json | sed -n 's/.*"reference": *"\([^"]*\)".*/\1/p')

plinth_total=0
docker_total=0
for ((r = 0; r < runs; r++)); do
  t0=$(now_ms)
  "$plinth" build -f "$stack" >/dev/null 2>&1
  t1=$(now_ms)
  # docker build of each rendered Dockerfile, parents first, with the same (warm) cache;
  # the context is the stack's directory with the rendered .dockerignore, as plinth sends.
  for i in "${!images[@]}"; do
    cp "$out/render/${images[$i]}/.dockerignore" "$out/ctx/.dockerignore"
    cp "$out/render/${images[$i]}/plinth-init.conf" "$out/ctx/.plinth/plinth-init.conf" 2>/dev/null || true
    DOCKER_BUILDKIT=0 docker build -q --network host -f "$out/render/${images[$i]}/Dockerfile" \
      -t "plinth-bench-${images[$i]}:noop" "$out/ctx" >/dev/null 2>&1 || true
  done
  t2=$(now_ms)
  plinth_total=$((plinth_total + t1 - t0))
  docker_total=$((docker_total + t2 - t1))
done
for i in "${!images[@]}"; do docker rmi "plinth-bench-${images[$i]}:noop" >/dev/null 2>&1 || true; done

plinth_ms=$((plinth_total / runs))
docker_ms=$((docker_total / runs))
echo "images: ${#images[@]} (${refs[*]})"
echo "plinth build (no-op):          ${plinth_ms} ms"
echo "docker build (warm cache):     ${docker_ms} ms"
awk -v p="$plinth_ms" -v d="$docker_ms" 'BEGIN { if (p < 1) p = 1; printf "ratio docker/plinth:           %.1fx\n", d / p }'
