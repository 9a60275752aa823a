#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# End-to-end: `plinth up / status / logs / exec / down` against the real engine.
#   bash tests/e2e/workstation.sh <path-to-plinth> <source-dir>
# A tiny stack whose tools are stand-ins (busybox httpd, tests/e2e/workstation_fixture/
# standin) that really listen: the image is FROM scratch with a static busybox, the static
# plinth-init next to the plinth binary, and the plinth-init.conf `plinth render` generates.
# Everything it creates is named plinth-test-* and labelled io.plinth.test=1; it never
# touches other containers. Under CI (CI=true or PLINTH_REQUIRE_SERVICES=1) a missing
# engine, busybox or plinth-init is a failure, never a skip.
set -uo pipefail

PLINTH=$(realpath "$1")
SRC=$(realpath "$2")
# PLINTH_TEST_INIT: a static plinth-init to use (a sanitizer build's own is dynamic).
INIT=$(realpath -m "${PLINTH_TEST_INIT:-$(dirname "$PLINTH")/../init/plinth-init}")
BUSYBOX=${PLINTH_TEST_BUSYBOX:-/bin/busybox}
REQUIRE=0
if [[ "${CI:-}" == "true" || "${PLINTH_REQUIRE_SERVICES:-}" == "1" ]]; then REQUIRE=1; fi

skip() {
  if [[ $REQUIRE == 1 ]]; then
    echo "FAIL: $1 (required under CI / PLINTH_REQUIRE_SERVICES=1)"
    exit 1
  fi
  echo "SKIP: $1"
  exit 0
}

docker info > /dev/null 2>&1 || skip "no Docker engine reachable"
[[ -x "$INIT" ]] || skip "plinth-init not built at $INIT"
file -L "$INIT" | grep -q 'statically linked' || skip "$INIT is not static (a sanitizer build?): it cannot run FROM scratch"
file -L "$BUSYBOX" 2> /dev/null | grep -q 'statically linked' || skip "no static busybox at $BUSYBOX (apt-get install busybox-static)"
command -v python3 > /dev/null || skip "python3 is needed to read JSON"
command -v curl > /dev/null || skip "curl is needed"

FAILS=0
ok() { echo "ok   - $1"; }
bad() { echo "FAIL - $1"; FAILS=$((FAILS + 1)); }
check() { # check "description" command...
  local what=$1
  shift
  if "$@"; then ok "$what"; else bad "$what"; fi
}
glob_match() { [[ $1 == $2 ]]; }   # glob_match TEXT PATTERN
regex_match() { [[ $1 =~ $2 ]]; }  # regex_match TEXT REGEX
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

RUN_ID="e2e$$"
WORK=$(mktemp -d /tmp/plinth-test-ws.XXXXXX)
export PLINTH_STATE_DIR="$WORK/state"
STACK="$WORK/stack"
WS="$WORK/workspace"
mkdir -p "$STACK" "$WS"
chmod 777 "$WS" # the container users (1000, 4321) write here
VERSION="0.0.1-$RUN_ID"
REF="plinth.local/plinth-test/ws:ws-v$VERSION"
NAME="plinth-test-ws-ws-$RUN_ID"

IMAGE_IDS=() # every image this run built (a rebuilt tag leaves the old one untagged)
cleanup() {
  for c in "$NAME" "$NAME-u" "$NAME-x"; do
    if [[ "$(docker inspect -f '{{index .Config.Labels "io.plinth.test"}}' "$c" 2> /dev/null)" == "1" ]]; then
      docker rm -f "$c" > /dev/null 2>&1
    fi
  done
  docker rmi "$REF" ${IMAGE_IDS[@]+"${IMAGE_IDS[@]}"} > /dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT

cat > "$STACK/plinth.yaml" << EOF
version: 1
name: test-ws
registry: plinth.local/plinth-test
policy:
  tag_template: "ws-v{version}"
images:
  ws:
    tier: base
    owner: plinth-tests
    cadence: on-demand
    version: $VERSION
    from: bootstrap:debian/bookworm
    user: {name: dev, uid: 1000, gid: 1000}
    tools:
      jupyter: {version: 4.2.5, port: 8888}
      tensorboard: {version: 2.16.2, port: 6006}
      code-server: {version: 4.100.3, port: 8443}
profiles:
  small:
    memory: 300m
    shm: 96m
    cpus: 0.5
    pids: 200
    ulimits:
      nofile: {soft: 1024, hard: 2048}
  too-many-files:
    ulimits:
      nofile: 2000000000 # above the kernel's nr_open: no engine may grant it
EOF

# --- the image: scratch + busybox + plinth-init + the rendered plinth-init.conf ---------
"$PLINTH" render -f "$STACK/plinth.yaml" -o "$WORK/out" > /dev/null || { echo "FAIL: plinth render"; exit 1; }
CTX="$WORK/context"
mkdir -p "$CTX/rootfs/bin" "$CTX/rootfs/usr/local/bin" "$CTX/rootfs/etc" "$CTX/rootfs/tmp" "$CTX/rootfs/home/dev" \
  "$CTX/rootfs/workspace" "$CTX/rootfs/etc/plinth-init.d"
cp "$BUSYBOX" "$CTX/rootfs/bin/busybox"
cp "$INIT" "$CTX/rootfs/usr/local/bin/plinth-init"
for tool in jupyter tensorboard code-server; do
  cp "$SRC/tests/e2e/workstation_fixture/standin" "$CTX/rootfs/usr/local/bin/$tool"
done
cp "$WORK/out/ws/plinth-init.conf" "$CTX/rootfs/etc/plinth-init.conf"
printf 'root:x:0:0:root:/root:/bin/sh\ndev:x:1000:1000:dev:/home/dev:/bin/sh\n' > "$CTX/rootfs/etc/passwd"
printf 'root:x:0:\ndev:x:1000:\n' > "$CTX/rootfs/etc/group"
cat > "$CTX/Dockerfile" << 'EOF'
FROM scratch
COPY rootfs/ /
RUN ["/bin/busybox", "sh", "-c", "/bin/busybox --install -s /bin && chmod 1777 /tmp && chown 1000:1000 /home/dev /workspace"]
ENV PATH=/usr/local/bin:/bin
WORKDIR /workspace
USER 1000:1000
ENTRYPOINT ["/usr/local/bin/plinth-init"]
EOF
IMAGE_IDS+=("$(docker build -q --label io.plinth.test=1 -t "$REF" "$CTX" 2> "$WORK/build.log")") || {
  cat "$WORK/build.log"
  echo "FAIL: docker build of the test image"
  exit 1
}

cd "$WS" || exit 1
P=("$PLINTH")
F=(-f "$STACK/plinth.yaml" --name-suffix "$RUN_ID")

# --- up -----------------------------------------------------------------------------------
START=$(date +%s)
"${P[@]}" up "${F[@]}" --profile small --label io.plinth.test=1 --json > "$WORK/up.json" 2> "$WORK/up.err"
rc=$?
check "up exits 0 (rc=$rc) in $(($(date +%s) - START)) s" test $rc -eq 0
[[ $rc -eq 0 ]] || { cat "$WORK/up.err"; exit 1; }
JUPYTER_URL=$(json '[u["url"] for u in d["urls"] if u["tool"]=="jupyter"][0]' < "$WORK/up.json")
CODE_URL=$(json '[u["url"] for u in d["urls"] if u["tool"]=="code-server"][0]' < "$WORK/up.json")
TB_URL=$(json '[u["url"] for u in d["urls"] if u["tool"]=="tensorboard"][0]' < "$WORK/up.json")
SECRETS=$(json 'd["secrets_file"]' < "$WORK/up.json")
TOKEN=$(json 'd["jupyter_token"]' < "$SECRETS")
PASSWORD=$(json 'd["code_server_password"]' < "$SECRETS")
echo "     jupyter: ${JUPYTER_URL%%\?*}?token=…  code-server: $CODE_URL  tensorboard: ${TB_URL%%\?*}"
check "jupyter URL is on 127.0.0.1 with the token" glob_match "$JUPYTER_URL" "http://127.0.0.1:*/lab?token=$TOKEN"
check "tensorboard is reached through Jupyter's proxy" glob_match "$TB_URL" "http://127.0.0.1:*/proxy/6006/*"
check "secrets file is mode 0600" test "$(stat -c %a "$SECRETS")" = 600
check "token is 48 hex characters" regex_match "$TOKEN" '^[0-9a-f]{48}$'
JPORT=$(echo "$JUPYTER_URL" | sed -E 's|http://127.0.0.1:([0-9]+)/.*|\1|')
check "jupyter stand-in answers and got its token from the environment" \
  bash -c "curl -fsS http://127.0.0.1:$JPORT/api | grep -q '\"token_from_env\":\"yes\"'"
check "code-server stand-in answers and got its password from the environment" \
  bash -c "curl -fsS ${CODE_URL}healthz | grep -q '\"password_from_env\":\"yes\"'"

# --- inspect: limits, ports, security -----------------------------------------------------
I=$(docker inspect "$NAME")
insp() { echo "$I" | python3 -c "import json,sys; d=json.load(sys.stdin)[0]; print($1)"; }
check "Memory = 300m" test "$(insp 'd["HostConfig"]["Memory"]')" = 314572800
check "MemorySwap = Memory" test "$(insp 'd["HostConfig"]["MemorySwap"]')" = 314572800
check "ShmSize = 96m" test "$(insp 'd["HostConfig"]["ShmSize"]')" = 100663296
check "NanoCpus = 0.5 CPU" test "$(insp 'd["HostConfig"]["NanoCpus"]')" = 500000000
check "PidsLimit = 200" test "$(insp 'd["HostConfig"]["PidsLimit"]')" = 200
check "every published port is on 127.0.0.1" test "$(insp 'sorted({b["HostIp"] for v in d["HostConfig"]["PortBindings"].values() for b in v})')" = "['127.0.0.1']"
check "TensorBoard's port is not published" test "$(insp '"6006/tcp" in d["HostConfig"]["PortBindings"]')" = False
check "no-new-privileges" test "$(insp '"no-new-privileges:true" in d["HostConfig"]["SecurityOpt"]')" = True
check "all capabilities dropped" test "$(insp 'd["HostConfig"]["CapDrop"]')" = "['ALL']"
check "plinth runs as root here: the workstation runs as the image user" test "$(insp 'd["Config"]["User"]')" = "1000:1000"
check "up says why it is not the host user" grep -q 'plinth runs as root, so the workstation runs as the image' "$WORK/up.err"
check "Ulimits nofile 1024/2048" test "$(insp '[(u["Name"], u["Soft"], u["Hard"]) for u in d["HostConfig"]["Ulimits"]]')" = "[('nofile', 1024, 2048)]"
check "labels: workstation, stack, image, profile, test" test "$(insp '[d["Config"]["Labels"].get(k) for k in ("io.plinth.workstation","io.plinth.stack","io.plinth.image","io.plinth.profile","io.plinth.test")]')" = "['1', 'test-ws', 'ws', 'small', '1']"
check "no secret in labels, Cmd or Args" bash -c "! echo '$(insp 'json.dumps([d["Config"]["Labels"], d["Config"]["Cmd"], d["Args"]])' | tr -d "'")' | grep -q -e '$TOKEN' -e '$PASSWORD'"
check "workspace is bind-mounted at /workspace" test "$(insp '[m["Source"] for m in d["Mounts"] if m["Destination"]=="/workspace"]')" = "['$WS']"

# --- status -------------------------------------------------------------------------------
"${P[@]}" status "${F[@]}" --json > "$WORK/status.json"
check "status --json: running" test "$(json 'd["state"]' < "$WORK/status.json")" = running
check "status --json: every service ready" test "$(json 'sorted((s["name"], s["ready"]) for s in d["services"])' < "$WORK/status.json")" = "[('code-server', True), ('jupyter', True), ('tensorboard', True)]"
check "status --json: no token without --show-token" bash -c "! grep -q '$TOKEN' '$WORK/status.json'"
"${P[@]}" status "${F[@]}" > "$WORK/status.txt"
check "status prints the services table" grep -q '^jupyter  *ready' "$WORK/status.txt"
cat "$WORK/status.txt" | sed 's/^/     | /'

# --- ls -------------------------------------------------------------------------------------
"${P[@]}" ls -f "$STACK/plinth.yaml" > "$WORK/ls.txt"
check "ls lists the running workstation with Jupyter's URL" grep -Eq "^$NAME +ws +small +Up .*http://127.0.0.1:$JPORT/lab\$" "$WORK/ls.txt"
check "ls --json: the container and its state" test "$("${P[@]}" ls -f "$STACK/plinth.yaml" --json | json '[(e["container"], e["state"]) for e in d]')" = "[('$NAME', 'running')]"

# --- logs -----------------------------------------------------------------------------------
check "logs jupyter: only its lines, prefix removed" bash -c "\"\$0\" logs --file '$STACK/plinth.yaml' --name-suffix $RUN_ID jupyter | grep -q '^jupyter stand-in listening on 8888'" "$PLINTH"
check "logs jupyter has no other service's line" bash -c "! \"\$0\" logs --file '$STACK/plinth.yaml' --name-suffix $RUN_ID jupyter | grep -q 'code-server stand-in'" "$PLINTH"
check "logs: every line, prefixed" bash -c "\"\$0\" logs --file '$STACK/plinth.yaml' --name-suffix $RUN_ID 2>&1 | grep -q '^\[code-server\] '" "$PLINTH"

# --- exec -----------------------------------------------------------------------------------
check "exec id -u is the workstation user" test "$("${P[@]}" exec "${F[@]}" -- id -u)" = 1000
"${P[@]}" exec "${F[@]}" -- sh -c 'exit 3'
check "exec passes the exit code through" test $? -eq 3
check "exec without -- keeps the arguments in order" test "$("${P[@]}" exec "${F[@]}" echo a -n b)" = "a -n b"
check "exec -- keeps a later --" test "$("${P[@]}" exec "${F[@]}" -- echo x -- -y)" = "x -- -y"
"${P[@]}" exec "${F[@]}" -- touch /workspace/made-inside
check "a file written in the workspace belongs to the container user" test "$(stat -c %u "$WS/made-inside")" = 1000
check "no secret on any process's command line" bash -c "! \"\$0\" exec -f '$STACK/plinth.yaml' --name-suffix $RUN_ID -- sh -c 'cat /proc/[0-9]*/cmdline | tr \"\\0\" \" \"' | grep -q -e '$TOKEN' -e '$PASSWORD'" "$PLINTH"

# --- idempotent re-run, conflicting settings ----------------------------------------------
ID1=$(docker inspect -f '{{.Id}}' "$NAME")
"${P[@]}" up "${F[@]}" --profile small --label io.plinth.test=1 > "$WORK/up2.txt" 2>&1
check "up again: exit 0 and 'already running'" grep -q 'already running' "$WORK/up2.txt"
check "up again: same container" test "$(docker inspect -f '{{.Id}}' "$NAME")" = "$ID1"
check "up again: no token printed" bash -c "! grep -q '$TOKEN' '$WORK/up2.txt'"
"${P[@]}" up "${F[@]}" --profile small --memory 400m --label io.plinth.test=1 > "$WORK/up3.txt" 2>&1
rc=$?
check "up with other limits: refused (exit 4) and names --recreate" bash -c "test $rc -eq 4 && grep -q -- --recreate '$WORK/up3.txt'"

# --- a stopped workstation is started again by up ----------------------------------------
docker stop -t 10 "$NAME" > /dev/null
"${P[@]}" up "${F[@]}" --profile small --label io.plinth.test=1 > "$WORK/up-restart.txt" 2>&1
rc=$?
check "up on a stopped workstation starts it again (rc=$rc)" \
  bash -c "test $rc -eq 0 && grep -q 'restarted' '$WORK/up-restart.txt'"
check "it is the same container" test "$(docker inspect -f '{{.Id}}' "$NAME")" = "$ID1"
"${P[@]}" status "${F[@]}" --json > "$WORK/status.json"

# --- plinth-init restarts a killed service, plinth status shows it --------------------------
JPID=$(json '[s["pid"] for s in d["services"] if s["name"]=="jupyter"][0]' < "$WORK/status.json")
BEFORE=$("$PLINTH" logs --file "$STACK/plinth.yaml" --name-suffix "$RUN_ID" jupyter | grep -c '^jupyter stand-in listening')
"$PLINTH" logs --file "$STACK/plinth.yaml" --name-suffix "$RUN_ID" --follow jupyter > "$WORK/follow.txt" 2>&1 &
FOLLOWER=$!
sleep 0.5
"${P[@]}" exec "${F[@]}" -- kill -9 "$JPID"
restarted=0
for _ in $(seq 1 40); do
  "${P[@]}" status "${F[@]}" --json > "$WORK/status2.json" 2> /dev/null
  if [[ "$(json '[(s["restarts"], s["ready"]) for s in d["services"] if s["name"]=="jupyter"][0]' < "$WORK/status2.json")" == "(1, True)" ]]; then
    restarted=1
    break
  fi
  sleep 0.25
done
check "killed jupyter is restarted and status shows restarts=1" test $restarted -eq 1
sleep 0.5
kill "$FOLLOWER" 2> /dev/null
wait "$FOLLOWER" 2> /dev/null
check "logs --follow jupyter shows the restarted service's new lines" \
  test "$(grep -c '^jupyter stand-in listening' "$WORK/follow.txt")" -eq $((BEFORE + 1))

# --- down -----------------------------------------------------------------------------------
START=$(date +%s)
"${P[@]}" down "${F[@]}" > "$WORK/down.txt"
rc=$?
ELAPSED=$(($(date +%s) - START))
check "down exits 0 within the grace period ($ELAPSED s)" bash -c "test $rc -eq 0 && test $ELAPSED -le 12"
check "down leaves no container" test -z "$(docker ps -aq --filter "name=^/$NAME\$")"
check "down removes the secrets file" test ! -e "$SECRETS"
"${P[@]}" down "${F[@]}" > "$WORK/down2.txt"
check "down again: nothing to do, exit 0" grep -q 'no workstation' "$WORK/down2.txt"

# --- another user: --user UID:GID (what --host-user does for a non-root host user) --------
"${P[@]}" up -f "$STACK/plinth.yaml" --name-suffix "$RUN_ID-u" --profile small --user 4321:4321 \
  --label io.plinth.test=1 > "$WORK/up4.txt" 2>&1
rc=$?
check "up --user 4321:4321 exits 0" test $rc -eq 0
[[ $rc -eq 0 ]] || cat "$WORK/up4.txt"
U=(-f "$STACK/plinth.yaml" --name-suffix "$RUN_ID-u")
check "exec id -u is 4321" test "$("${P[@]}" exec "${U[@]}" -- id -u)" = 4321
"${P[@]}" exec "${U[@]}" -- sh -c 'touch /workspace/made-by-4321 && touch "$HOME/home-is-writable"'
check "workspace file owned by 4321 on the host; HOME writable" test "$(stat -c %u "$WS/made-by-4321" 2> /dev/null)" = 4321
check "services run as 4321" bash -c "\"\$0\" logs --file '$STACK/plinth.yaml' --name-suffix $RUN_ID-u jupyter | grep -q 'as 4321:4321'" "$PLINTH"
"${P[@]}" down "${U[@]}" > /dev/null
check "down leaves no container (second workstation)" test -z "$(docker ps -aq --filter "name=^/$NAME-u\$")"

# --- a limit the engine may not grant: a clear error, nothing left behind ------------------
"${P[@]}" up -f "$STACK/plinth.yaml" --name-suffix "$RUN_ID-x" --profile too-many-files \
  --label io.plinth.test=1 > "$WORK/up-ulimit.txt" 2>&1
rc=$?
check "up with an ungrantable ulimit fails (rc=$rc) and says which profile to change" \
  bash -c "test $rc -ne 0 && grep -q \"a ulimit of profile 'too-many-files' is above what the engine may grant\" '$WORK/up-ulimit.txt'"
check "and leaves no container and no secrets behind" \
  bash -c "test -z \"\$(docker ps -aq --filter 'name=^/$NAME-x\$')\" && ! ls '$PLINTH_STATE_DIR/workstations/' 2> /dev/null | grep -q -- '-x\.'"

# --- a failing service: up exits non-zero and shows its last lines -------------------------
printf '[service broken]\ncommand = sh -c "echo broken-service-output; exit 5"\nrestart = always\nbackoff_initial = 100ms\ncrash_loop_limit = 2\n' \
  > "$CTX/rootfs/etc/plinth-init.d/50-broken.conf"
IMAGE_IDS+=("$(docker build -q --label io.plinth.test=1 -t "$REF" "$CTX" 2> /dev/null)")
"${P[@]}" up "${F[@]}" --profile small --label io.plinth.test=1 --timeout 60 > "$WORK/up5.txt" 2>&1
rc=$?
check "up with a failing service exits non-zero" test $rc -ne 0
check "up names the failed service and shows its last lines" \
  bash -c "grep -q 'failed: broken' '$WORK/up5.txt' && grep -q '^  broken-service-output' '$WORK/up5.txt'"
"${P[@]}" status "${F[@]}" > "$WORK/status5.txt"
check "status shows the failed service" grep -q '^broken  *failed' "$WORK/status5.txt"
"${P[@]}" down "${F[@]}" > /dev/null

echo
if [[ $FAILS -ne 0 ]]; then
  echo "$FAILS check(s) failed"
  exit 1
fi
echo "all workstation checks passed"
