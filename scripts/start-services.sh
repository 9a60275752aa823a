#!/usr/bin/env bash
# Starts the services Plinth's integration and e2e tests use, on a fresh Debian machine or
# one where they already run (then it only checks them):
#   - dockerd (unix:///var/run/docker.sock), started with --iptables=false --ip6tables=false
#   - Debian's docker-registry on 127.0.0.1:5000 (no auth)
#   - a second docker-registry on 127.0.0.1:5001 with htpasswd auth
#     (user "plinth-test", password "plinth-test-password": test-only credentials)
# Fails loudly (non-zero, a clear message and the tail of the service's log) when a service
# does not come up. State (configs, logs, registry storage) lives in $PLINTH_SERVICES_DIR
# (default /var/tmp/plinth-services).
set -euo pipefail

state=${PLINTH_SERVICES_DIR:-/var/tmp/plinth-services}
socket=/var/run/docker.sock
auth_user=plinth-test
auth_password=plinth-test-password

die() {
  echo "start-services: error: $*" >&2
  exit 1
}
log() { echo "start-services: $*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_missing() {
  local missing=()
  command -v dockerd >/dev/null || missing+=(docker.io)
  command -v docker-registry >/dev/null || missing+=(docker-registry)
  command -v debootstrap >/dev/null || [ -x /usr/sbin/debootstrap ] || missing+=(debootstrap)
  command -v htpasswd >/dev/null || missing+=(apache2-utils)
  command -v curl >/dev/null || missing+=(curl)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    as_root apt-get update -qq || die "apt-get update failed"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
      || die "apt-get install ${missing[*]} failed"
  fi
}

engine_answers() {
  curl -fsS --max-time 5 --unix-socket "$socket" http://localhost/_ping >/dev/null 2>&1
}

# wait_for <seconds> <command...>
wait_for() {
  local limit=$1
  shift
  local i
  for ((i = 0; i < limit * 4; i++)); do
    if "$@"; then return 0; fi
    sleep 0.25
  done
  return 1
}

start_engine() {
  if engine_answers; then
    log "dockerd answers on $socket"
    return
  fi
  log "starting dockerd (log: $state/dockerd.log)"
  as_root mkdir -p "$state"
  # setsid + nohup: the daemon outlives this script and the test run that started it.
  as_root setsid nohup dockerd --iptables=false --ip6tables=false >"$state/dockerd.log" 2>&1 </dev/null &
  if ! wait_for 60 engine_answers; then
    echo "----- tail of $state/dockerd.log -----" >&2
    tail -n 40 "$state/dockerd.log" >&2 || true
    die "dockerd did not answer on $socket within 60 s"
  fi
  log "dockerd is up"
}

registry_answers() { # <port> <expected http status>
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$1/v2/" || true)
  [ "$code" = "$2" ]
}

write_registry_config() { # <name> <port> [htpasswd]
  local dir="$state/$1"
  mkdir -p "$dir/storage"
  {
    echo "version: 0.1"
    echo "log:"
    echo "  level: info"
    echo "storage:"
    echo "  filesystem:"
    echo "    rootdirectory: $dir/storage"
    echo "  delete:"
    echo "    enabled: true"
    echo "http:"
    echo "  addr: 127.0.0.1:$2"
    echo "  secret: plinth-test-$1"
    if [ -n "${3:-}" ]; then
      echo "auth:"
      echo "  htpasswd:"
      echo "    realm: plinth-test"
      echo "    path: $3"
    fi
  } >"$dir/config.yml"
}

start_registry() { # <name> <port> <expected status> [htpasswd]
  local name=$1 port=$2 expect=$3 htpasswd=${4:-}
  if registry_answers "$port" "$expect"; then
    log "registry $name answers on 127.0.0.1:$port"
    return
  fi
  if ss -ltn 2>/dev/null | grep -q "127.0.0.1:$port "; then
    die "port 127.0.0.1:$port is taken by something that is not the expected registry"
  fi
  write_registry_config "$name" "$port" "$htpasswd"
  log "starting docker-registry $name on 127.0.0.1:$port (log: $state/$name/registry.log)"
  setsid nohup docker-registry serve "$state/$name/config.yml" >"$state/$name/registry.log" 2>&1 </dev/null &
  if ! wait_for 30 registry_answers "$port" "$expect"; then
    echo "----- tail of $state/$name/registry.log -----" >&2
    tail -n 40 "$state/$name/registry.log" >&2 || true
    die "docker-registry $name did not answer on 127.0.0.1:$port within 30 s"
  fi
  log "registry $name is up"
}

main() {
  install_missing
  mkdir -p "$state"
  start_engine
  start_registry registry-open 5000 200
  mkdir -p "$state/registry-auth"
  htpasswd -Bbn "$auth_user" "$auth_password" >"$state/registry-auth/htpasswd" 2>/dev/null \
    || die "htpasswd failed"
  start_registry registry-auth 5001 401 "$state/registry-auth/htpasswd"
  log "all services are up"
}

main "$@"
