#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# End-to-end: the real workstation of examples/tf-cpu-local (JupyterLab, TensorBoard and
# code-server under plinth-init) started by a non-root host user, as a data scientist does.
#   bash workstation_tf.sh <path-to-plinth> <source-dir>
# Checks the issue's acceptance: every service answers on 127.0.0.1 and refuses requests
# without the token/password; a notebook kernel imports TensorFlow; docker inspect shows the
# profile's limits; files written from inside belong to the host user; a killed Jupyter is
# restarted and `plinth status` shows it, repeated kills end in backoff and then `failed`;
# `plinth down` stops it within the grace period and leaves no container.
# The images come from the build suite's stable namespace (built here when missing). The
# container is named plinth-plinth-test-e2e-project-run-* and labelled io.plinth.test=1.
set -uo pipefail
source "$(dirname "$0")/lib/plinth_e2e.sh" "$@"
source "$src/tests/e2e/lib/code_server.sh"
command -v setpriv >/dev/null || skip_or_fail "setpriv (util-linux) is needed to run plinth as a non-root user"

echo "== build the example stack (cached after the build suite)"
bootstrap_and_build "$work/main" "127.0.0.1:5000/plinth-test"

# The host user: not root, in the engine socket's group (as a member of the docker group is).
HOST_UID=4242
HOST_GID=4242
SOCKET_GID=$(stat -c %g /var/run/docker.sock)
chmod 755 "$work"
chmod -R a+rX "$work/main"
install -m 755 "$plinth" "$work/plinth"
install -d -o $HOST_UID -g $HOST_GID -m 755 "$work/home" "$work/workspace"
as_user() {
  env -i PATH="$PATH" HOME="$work/home" PLINTH_STATE_DIR="$work/home/state" \
    setpriv --reuid=$HOST_UID --regid=$HOST_GID --groups="$SOCKET_GID" -- "$work/plinth" "$@"
}
U=(-f "$work/main/plinth.yaml" --name-suffix "$run_id")
NAME="plinth-plinth-test-e2e-project-$run_id"
remove_container() {
  if [ "$(docker inspect -f '{{index .Config.Labels "io.plinth.test"}}' "$NAME" 2>/dev/null)" = 1 ]; then
    docker rm -f "$NAME" >/dev/null 2>&1
  fi
  cleanup
}
trap remove_container EXIT
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
http_code() { curl -s -o /dev/null -w '%{http_code}' --max-time 20 "$@"; }

echo "== plinth up as uid $HOST_UID"
start=$(date +%s)
as_user up "${U[@]}" --profile laptop --workspace "$work/workspace" --label io.plinth.test=1 \
  --json >"$work/up.json" 2>"$work/up.err"
rc=$?
expect_eq "$rc" 0 "plinth up exits 0 (every service ready after $(($(date +%s) - start)) s)"
[ "$rc" = 0 ] || { tail -40 "$work/up.err"; exit 1; }
secrets=$(json 'd["secrets_file"]' <"$work/up.json")
token=$(json 'd["jupyter_token"]' <"$secrets")
password=$(json 'd["code_server_password"]' <"$secrets")
url_of() { json "[u['url'] for u in d['urls'] if u['tool']=='$1'][0]" <"$work/up.json"; }
jupyter_url=$(url_of jupyter)
tb_url=$(url_of tensorboard)
code_url=$(url_of code-server)
echo "   jupyter ${jupyter_url%%\?*}  tensorboard ${tb_url%%\?*}  code-server $code_url"
jport=$(sed -E 's|http://127.0.0.1:([0-9]+)/.*|\1|' <<<"$jupyter_url")
cport=$(sed -E 's|http://127.0.0.1:([0-9]+)/.*|\1|' <<<"$code_url")
expect_contains "$jupyter_url" "http://127.0.0.1:$jport/lab?token=$token" "Jupyter's URL is on 127.0.0.1 with the token"
expect_contains "$tb_url" "http://127.0.0.1:$jport/proxy/6006/" "TensorBoard's URL goes through Jupyter's proxy"
expect_contains "$code_url" "http://127.0.0.1:" "code-server's URL is on 127.0.0.1"

echo "== docker inspect"
I=$(docker inspect "$NAME")
insp() { python3 -c "import json,sys; d=json.load(sys.stdin)[0]; print($1)" <<<"$I"; }
expect_eq "$(insp 'd["Config"]["User"]')" "$HOST_UID:$HOST_GID" "the container runs as the host user by default"
expect_eq "$(insp 'd["HostConfig"]["Memory"]')" 4294967296 "Memory is the profile's 4g"
expect_eq "$(insp 'd["HostConfig"]["MemorySwap"]')" 4294967296 "MemorySwap = Memory (no swap)"
expect_eq "$(insp 'd["HostConfig"]["ShmSize"]')" 1073741824 "ShmSize is the profile's 1g"
expect_eq "$(insp 'd["HostConfig"]["NanoCpus"]')" 2000000000 "NanoCpus is the profile's 2 CPUs"
expect_eq "$(insp 'd["HostConfig"]["PidsLimit"]')" 1024 "PidsLimit is the profile's 1024"
expect_eq "$(insp '[(u["Name"], u["Soft"], u["Hard"]) for u in d["HostConfig"]["Ulimits"] or []]')" \
  "[('nofile', 4096, 16384)]" "Ulimits are the profile's nofile 4096/16384"
expect_eq "$(as_user exec "${U[@]}" -- sh -c 'ulimit -Sn; ulimit -Hn' | tr '\n' ' ')" "4096 16384 " \
  "inside, the open-files limits are 4096 (soft) and 16384 (hard)"
expect_eq "$(insp 'sorted({b["HostIp"] for v in d["HostConfig"]["PortBindings"].values() for b in v})')" \
  "['127.0.0.1']" "every published port is bound to 127.0.0.1"
expect_eq "$(insp '"6006/tcp" in d["HostConfig"]["PortBindings"]')" False "TensorBoard's own port is not published"

echo "== authentication"
expect_eq "$(http_code "http://127.0.0.1:$jport/api/status")" 403 "Jupyter refuses its API without the token"
expect_eq "$(http_code -H "Authorization: token $token" "http://127.0.0.1:$jport/api/status")" 200 "Jupyter answers with the token"
expect_eq "$(http_code "http://127.0.0.1:$jport/lab")" 302 "Jupyter Lab redirects to its login page without the token"
expect_eq "$(http_code "$tb_url")" 200 "TensorBoard answers through Jupyter's proxy with the token"
expect_contains "$(curl -s --max-time 20 "$tb_url")" "TensorBoard" "it is TensorBoard's page"
expect_eq "$(http_code "http://127.0.0.1:$jport/proxy/6006/")" 302 "TensorBoard through the proxy without the token redirects to the login page"
out=$(check_code_server "$cport" "$password" 2>&1) && pass "code-server: healthz 200, / redirects to login without the password, the password logs in" \
  || failed "code-server: $out"

echo "== a notebook kernel"
start=$(date +%s)
out=$(as_user exec "${U[@]}" -- python -c "$(cat "$src/tests/e2e/lib/notebook_kernel.py")" 8888 \
  "import tensorflow as tf; print('tensorflow', tf.__version__); open('/workspace/from-kernel.txt', 'w').write('x')" 2>&1)
expect_contains "$out" "tensorflow 2.16.1" "a kernel started through Jupyter's API imports TensorFlow ($(($(date +%s) - start)) s)"
expect_eq "$(stat -c %u:%g "$work/workspace/from-kernel.txt" 2>/dev/null)" "$HOST_UID:$HOST_GID" \
  "the file the kernel wrote in the workspace belongs to the host user"
as_user exec "${U[@]}" -- sh -c 'touch /workspace/from-exec "$HOME/.writable"'
expect_eq "$?" 0 "HOME is writable"
expect_eq "$(stat -c %u:%g "$work/workspace/from-exec" 2>/dev/null)" "$HOST_UID:$HOST_GID" "a file made by exec belongs to the host user"

echo "== plinth ls"
out=$(as_user ls -f "$work/main/plinth.yaml")
expect_contains "$out" "$NAME" "plinth ls lists the workstation"
expect_contains "$out" "http://127.0.0.1:$jport/lab" "with Jupyter's URL (without the token)"
expect_not_contains "$out" "$token" "and never the token"

echo "== a killed Jupyter is restarted"
jupyter_field() { as_user status "${U[@]}" --json 2>/dev/null | json "[s.get('$1') for s in d['services'] if s['name']=='jupyter'][0]"; }
pid=$(jupyter_field pid)
as_user exec "${U[@]}" -- sh -c 'kill -9 "$1"' _ "$pid"
restarted=no
for _ in $(seq 1 120); do
  if [ "$(jupyter_field restarts)/$(jupyter_field ready)" = "1/True" ]; then restarted=yes; break; fi
  sleep 0.5
done
expect_eq "$restarted" yes "plinth-init restarted Jupyter and plinth status shows restarts 1, ready"

echo "== repeated kills: backoff, then failed"
seen=""
last_killed=""
start=$(date +%s)
for _ in $(seq 1 600); do
  state=$(jupyter_field state)
  seen="$seen $state"
  [ "$state" = failed ] && break
  pid=$(jupyter_field pid)
  if [ "$pid" != None ] && [ -n "$pid" ] && [ "$pid" != "$last_killed" ]; then
    as_user exec "${U[@]}" -- sh -c 'kill -9 "$1"' _ "$pid" 2>/dev/null && last_killed=$pid
  fi
  sleep 0.2
  [ $(($(date +%s) - start)) -lt 180 ] || break
done
expect_contains "$seen" "backoff" "between kills Jupyter waits in backoff"
expect_eq "$(jupyter_field state)" failed "after repeated kills Jupyter is failed ($(($(date +%s) - start)) s)"
grep -Eq '^jupyter +failed' <<<"$(as_user status "${U[@]}")" && pass "plinth status shows jupyter failed" \
  || failed "plinth status does not show jupyter failed"
expect_contains "$(as_user status "${U[@]}" --json | json "[s['state'] for s in d['services'] if s['name']=='tensorboard'][0]")" \
  ready "the other services keep running (TensorBoard is still ready)"

echo "== plinth down"
start=$(date +%s)
as_user down "${U[@]}" >/dev/null
rc=$?
elapsed=$(($(date +%s) - start))
expect_eq "$rc" 0 "plinth down exits 0"
[ "$elapsed" -le 12 ] && pass "down took $elapsed s (grace 8 s, stop timeout 10 s)" || failed "down took $elapsed s"
expect_eq "$(docker ps -aq --filter "name=^/$NAME\$")" "" "no container is left"
expect_eq "$(as_user ls -f "$work/main/plinth.yaml" --all | grep -c "$NAME")" 0 "plinth ls --all no longer lists it"

finish
