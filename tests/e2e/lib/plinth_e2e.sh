# Shared by the build/push e2e suites (sourced; not a suite itself):
#   source "$(dirname "$0")/lib/plinth_e2e.sh" "$@"
# Needs dockerd on /var/run/docker.sock and docker-registry on 127.0.0.1:5000 (open) and
# 127.0.0.1:5001 (htpasswd plinth-test/plinth-test-password), as scripts/start-services.sh
# starts them; root for debootstrap. Without them it skips (exit 125) unless CI=true or
# PLINTH_REQUIRE_SERVICES=1, where a missing service is a failure.
# Everything it creates is named plinth-test-* and labelled io.plinth.stack=plinth-test-e2e;
# the engine's images of the stable namespace are kept to make the next run fast.

plinth=$(realpath "$1")
src=$(realpath "$2")
run_id="run-$$-$(date +%s)"
work=$(mktemp -d /var/tmp/plinth-test-e2e.XXXXXX)
export PLINTH_STATE_DIR="$work/state"
failures=0

echo "e2e: work dir $work"
pass() { echo "  ok: $*"; }
failed() { echo "  FAIL: $*"; failures=$((failures + 1)); }
expect_eq() { if [ "$1" = "$2" ]; then pass "$3"; else failed "$3 (expected '$2', got '$1')"; fi; }
expect_contains() { if grep -qF -- "$2" <<<"$1"; then pass "$3"; else failed "$3 (no '$2' in: $(tail -c 600 <<<"$1"))"; fi; }
expect_not_contains() { if grep -qF -- "$2" <<<"$1"; then failed "$3"; else pass "$3"; fi; }

skip_or_fail() {
  if [ "${CI:-}" = "true" ] || [ "${PLINTH_REQUIRE_SERVICES:-}" = "1" ]; then
    echo "e2e: FAIL: $* (services are required under CI / PLINTH_REQUIRE_SERVICES=1; run scripts/start-services.sh)"
    exit 1
  fi
  echo "e2e: SKIPPED: $* (run scripts/start-services.sh)"
  exit 125
}

probe() {
  curl -fsS --max-time 5 --unix-socket /var/run/docker.sock http://localhost/_ping >/dev/null 2>&1 \
    || skip_or_fail "dockerd does not answer on /var/run/docker.sock"
  [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:5000/v2/)" = 200 ] \
    || skip_or_fail "no registry on 127.0.0.1:5000"
  [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:5001/v2/)" = 401 ] \
    || skip_or_fail "no htpasswd registry on 127.0.0.1:5001"
  [ "$(id -u)" = 0 ] || skip_or_fail "debootstrap needs root"
  command -v debootstrap >/dev/null || [ -x /usr/sbin/debootstrap ] || skip_or_fail "debootstrap is not installed"
}

# stack_copy <dir> <registry>
stack_copy() {
  cp -r "$src/examples/tf-cpu-local" "$1"
  sed -i -e "s|^registry: .*|registry: $2|" -e "s|^name: .*|name: plinth-test-e2e|" "$1/plinth.yaml"
}

ref_of() { # <stack dir> <image>
  "$plinth" tags -f "$1/plinth.yaml" --json | tr ',{}' '\n\n\n' | grep -A3 "\"image\": *\"$2\"" \
    | sed -n 's/.*"reference": *"\([^"]*\)".*/\1/p' | head -1
}

lock_digest() { # <lock> <image> <field>
  tr -d '\n' <"$1" | sed 's/},/}\n/g' | grep "\"name\": \"$2\"" | sed -n "s/.*\"$3\": \"\([^\"]*\)\".*/\1/p" | head -1
}

# Removes this run's tags (by repo:tag, or repo@digest once untagged), never image IDs that
# other tags share.
cleanup() {
  docker images --digests --format '{{.Repository}}|{{.Tag}}|{{.Digest}}' | grep "/plinth-test-$run_id/" \
    | while IFS='|' read -r repo tag digest; do
      if [ "$tag" != "<none>" ]; then docker rmi "$repo:$tag"; elif [ "$digest" != "<none>" ]; then docker rmi "$repo@$digest"; fi
    done >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

finish() {
  if [ "$failures" -gt 0 ]; then
    echo "e2e: $failures check(s) failed (work dir kept: $work)"
    trap - EXIT
    exit 1
  fi
  echo "e2e: all checks passed"
}

# bootstrap_and_build <dir> <registry> [image...]: a copy of examples/tf-cpu-local, built
# (from the engine's cache after the first run on a machine).
bootstrap_and_build() {
  local dir=$1 registry=$2
  shift 2
  "$plinth" base bootstrap >/dev/null 2>&1 || { echo "e2e: plinth base bootstrap failed"; exit 1; }
  stack_copy "$dir" "$registry"
  local out
  out=$("$plinth" build -f "$dir/plinth.yaml" "$@" 2>&1) || { echo "$out" | tail -40; echo "e2e: build failed"; exit 1; }
}

probe
