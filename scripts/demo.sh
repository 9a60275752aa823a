#!/usr/bin/env bash
# The main job on a fresh Debian machine (as root): install what is needed, build plinth,
# start the engine and a registry on 127.0.0.1 when none runs, check and render the example
# stacks, bootstrap a Debian base from this machine's apt mirror, build and push
# examples/tf-cpu-local, list its images, and start its workstation (Jupyter + TensorBoard
# under plinth-init) with its URLs printed. `plinth down -f examples/tf-cpu-local/plinth.yaml`
# stops it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" "$root/build" -DPLINTH_BUILD_TESTS=OFF
plinth="$root/build/src/cli/plinth"
step() { echo; echo "==> $*"; }

for stack in tf-gpu-team tf-cpu-local; do
  file="$root/examples/$stack/plinth.yaml"
  step "plinth check -f examples/$stack/plinth.yaml"
  "$plinth" check -f "$file"
  step "plinth render -f examples/$stack/plinth.yaml -o out/$stack"
  "$plinth" render -f "$file" -o "$root/out/$stack"
done
step "plinth compat tf 2.16"
"$plinth" compat tf 2.16

step "starting the engine and the registry (scripts/start-services.sh)"
"$root/scripts/start-services.sh"

stack="$root/examples/tf-cpu-local/plinth.yaml"
step "plinth doctor -f examples/tf-cpu-local/plinth.yaml"
"$plinth" doctor -f "$stack" || [ $? -eq 1 ] # warnings are fine here
step "plinth base bootstrap (debootstrap from this machine's apt mirror)"
"$plinth" base bootstrap
step "plinth build --push -f examples/tf-cpu-local/plinth.yaml"
"$plinth" build --push -f "$stack"
step "plinth images -f examples/tf-cpu-local/plinth.yaml"
"$plinth" images -f "$stack"
step "plinth up -f examples/tf-cpu-local/plinth.yaml"
# The workstation runs as the image's user (uid 1000): give it a workspace it owns.
workspace="$root/out/workspace"
install -d -o 1000 -g 1000 "$workspace"
"$plinth" up -f "$stack" --workspace "$workspace"
