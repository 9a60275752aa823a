#!/usr/bin/env bash
# The main job on a fresh Debian machine (as root): install what is needed, build plinth,
# start the engine and a registry on 127.0.0.1 when none runs, check and render the example
# stacks, bootstrap a Debian base from this machine's apt mirror, build and push
# examples/tf-cpu-local, list its images, and start its workstation (JupyterLab, TensorBoard
# and code-server under plinth-init) with its URLs printed. `plinth down -f examples/tf-cpu-local/plinth.yaml`
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
rc=0
"$plinth" build --push -f "$stack" || rc=$?
if [ "$rc" -eq 4 ]; then
  # Exit 4: the registry holds one of these versions with other content (an earlier demo
  # built by another plinth). Released tags are immutable, so nothing was overwritten; the
  # workstation starts from the images just built and verified here.
  echo "note: not pushed: the registry at 127.0.0.1:5000 already holds these versions with other" \
    "content (released tags are immutable; bump an image's version to publish a change)"
elif [ "$rc" -ne 0 ]; then
  exit "$rc"
fi
step "plinth images -f examples/tf-cpu-local/plinth.yaml"
"$plinth" images -f "$stack"
step "plinth up -f examples/tf-cpu-local/plinth.yaml"
# plinth runs as root here, so the workstation runs as the image's user (uid 1000), not as
# root: give it a workspace it owns. (Run as yourself, `plinth up` uses your own uid.)
workspace="$root/out/workspace"
install -d -o 1000 -g 1000 "$workspace"
"$plinth" up -f "$stack" --workspace "$workspace"
