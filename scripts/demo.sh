#!/usr/bin/env bash
# The main job on a fresh Debian machine (as root): install what is needed, build plinth,
# then check and render the example stacks.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" "$root/build" -DPLINTH_BUILD_TESTS=OFF
plinth="$root/build/src/cli/plinth"
for stack in tf-gpu-team tf-cpu-local; do
  file="$root/examples/$stack/plinth.yaml"
  echo "==> plinth check -f examples/$stack/plinth.yaml"
  "$plinth" check -f "$file"
  echo "==> plinth tags -f examples/$stack/plinth.yaml"
  "$plinth" tags -f "$file"
  echo "==> plinth render -f examples/$stack/plinth.yaml -o out/$stack"
  "$plinth" render -f "$file" -o "$root/out/$stack"
done
echo "==> plinth compat tf 2.16"
"$plinth" compat tf 2.16
echo
echo "Dockerfiles are in $root/out/<stack>/<image>/Dockerfile"
