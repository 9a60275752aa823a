#!/usr/bin/env bash
# Installs everything Plinth needs to build and test on a fresh Debian machine (as root).
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config git python3 python3-pytest
  libyaml-cpp-dev nlohmann-json3-dev libcli11-dev libfmt-dev libssl-dev
  libcurl4-openssl-dev libarchive-dev libsqlite3-dev libmimalloc-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang-14 libclang-rt-14-dev busybox-static ccache
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
