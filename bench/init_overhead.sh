#!/usr/bin/env bash
# Benchmark: plinth-init (the workstation image's PID-1 supervisor) against a plain
# `sh -c "jupyter lab … & tensorboard … & wait"` entrypoint running the same services, with
# the same arguments, user, workdir and container limits. Measures, per variant:
#   - start-to-ready: wall time from `docker start` until every service answers HTTP from
#     the host (2xx/3xx on its readiness URL, polled every ~20 ms through loopback ports);
#   - memory once ready: VmRSS and Pss of PID 1, and the sum over the container's processes;
#   - shutdown: wall time of `docker stop -t 10`, and the exit code.
# Variants alternate (A B A B …) after one unmeasured warm-up pair; prints medians, minima
# and ratios plinth-init/sh, never asserts times. Needs a running dockerd and the example
# stack's workstation image (`bash scripts/demo.sh` builds it). Run as root (or a user who
# can read the container processes' /proc/PID/smaps_rollup) for Pss.
#
#   bash bench/init_overhead.sh [-n RUNS] [-w WARMUP_PAIRS] [IMAGE]
set -euo pipefail

runs=5
warmup=1
usage() { echo "usage: bash bench/init_overhead.sh [-n RUNS] [-w WARMUP_PAIRS] [IMAGE]" >&2; exit 64; }
while getopts 'n:w:h' opt; do
  case $opt in
    n) runs=$OPTARG ;;
    w) warmup=$OPTARG ;;
    *) usage ;;
  esac
done
shift $((OPTIND - 1))
[ $# -le 1 ] || usage
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "bench: -n wants a positive integer, got '$runs'" >&2; exit 64; }
[[ $warmup =~ ^[0-9]+$ ]] || { echo "bench: -w wants an integer >= 0, got '$warmup'" >&2; exit 64; }
image=${1:-127.0.0.1:5000/plinth-demo/project:tf2.16-py311-cpu-v0.1.0}

# Same limits as the example stack's `laptop` profile, and the workstation's security flags.
limits=(--memory 4g --memory-swap 4g --shm-size 1g --cpus 2 --pids-limit 1024
        --cap-drop ALL --security-opt no-new-privileges:true)
ready_timeout_ms=180000   # the rendered config's ready_timeout
poll_s=0.02
label=io.plinth.bench=init-overhead

for tool in docker curl jq awk; do
  command -v "$tool" >/dev/null || { echo "bench: '$tool' is needed but not installed" >&2; exit 1; }
done
docker info >/dev/null 2>&1 || { echo "bench: the Docker engine does not answer; start it (bash scripts/start-services.sh)" >&2; exit 1; }
docker image inspect "$image" >/dev/null 2>&1 || {
  echo "bench: image '$image' not found; build the example stack first: bash scripts/demo.sh" >&2; exit 1; }

# Pin the image under our own tag: someone may rebuild the original tag meanwhile.
tag=plinth-bench/init-overhead:$$
containers=()
work=$(mktemp -d /var/tmp/plinth-bench-init.XXXXXX)
cleanup() {
  local c
  for c in "${containers[@]}"; do docker rm -f "$c" >/dev/null 2>&1 || true; done
  docker rmi "$tag" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
docker tag "$image" "$tag"
image_id=$(docker image inspect -f '{{.Id}}' "$tag")

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# --- The services, as the image's rendered plinth-init config defines them ----------------
docker run --rm --entrypoint cat "$tag" /etc/plinth-init.conf >"$work/init.conf" 2>"$work/err" || {
  echo "bench: cannot read /etc/plinth-init.conf from $image:" >&2; cat "$work/err" >&2; exit 1; }
entrypoint=$(docker image inspect -f '{{json .Config.Entrypoint}}' "$tag")
[[ $entrypoint == *plinth-init* ]] || { echo "bench: $image's ENTRYPOINT is $entrypoint, not plinth-init" >&2; exit 1; }
image_user=$(docker image inspect -f '{{.Config.User}}' "$tag")

# One line per service: name<TAB>key<TAB>value, for the keys the sh variant can reproduce.
awk '
  /^\[service [^]]+\]/ { svc = $2; sub(/\]$/, "", svc); next }
  /^\[/                { svc = ""; next }
  svc != "" && /^[a-z_]+[ \t]*=/ {
    key = $0; sub(/[ \t]*=.*/, "", key)
    val = $0; sub(/^[^=]*=[ \t]*/, "", val); sub(/[ \t]+$/, "", val)
    printf "%s\t%s\t%s\n", svc, key, val
  }' "$work/init.conf" >"$work/keys"
mapfile -t services < <(cut -f1 "$work/keys" | awk '!seen[$0]++')
[ ${#services[@]} -gt 0 ] || { echo "bench: no [service …] in the image's /etc/plinth-init.conf" >&2; exit 1; }
get() { awk -F'\t' -v s="$1" -v k="$2" '$1 == s && $2 == k { print $3 }' "$work/keys"; }

sh_script=""
svc_user=""
svc_workdir=""
ports=()     # container ports, one per service
paths=()     # readiness paths
for s in "${services[@]}"; do
  cmd=$(get "$s" command)
  [[ $cmd == \[* ]] || { echo "bench: service '$s': command is not a JSON array (as plinth render writes): $cmd" >&2; exit 1; }
  argv=$(jq -r 'map(@sh) | join(" ")' <<<"$cmd") || { echo "bench: service '$s': bad JSON command: $cmd" >&2; exit 1; }
  envs=$(get "$s" env | jq -Rr '@sh' | tr '\n' ' ')
  [ -z "$envs" ] || argv="env $envs$argv"
  sh_script+="$argv & "
  ready=$(get "$s" ready)
  [[ $ready =~ ^http://(127\.0\.0\.1|localhost):([0-9]+)(/.*)?$ ]] ||
    { echo "bench: service '$s': needs an http://127.0.0.1:PORT/PATH readiness URL, has '$ready'" >&2; exit 1; }
  ports+=("${BASH_REMATCH[2]}")
  paths+=("${BASH_REMATCH[3]:-/}")
  u=$(get "$s" user); u=${u:-$image_user}
  w=$(get "$s" workdir)
  [ -z "$svc_user" ] || [ "$svc_user" = "$u" ] || { echo "bench: services run as different users ($svc_user, $u); the sh variant cannot" >&2; exit 1; }
  [ -z "$svc_workdir" ] || [ "$svc_workdir" = "$w" ] || { echo "bench: services use different workdirs; the sh variant cannot" >&2; exit 1; }
  svc_user=$u
  svc_workdir=$w
done
sh_script+="wait"
[ -n "$svc_user" ] || { echo "bench: neither the config nor the image names a user" >&2; exit 1; }
common_args=(--user "$svc_user" "${limits[@]}" --label "$label")
[ -z "$svc_workdir" ] || common_args+=(--workdir "$svc_workdir")
# A Jupyter token in the environment, as `plinth up` passes it (/api answers without it).
token=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
common_args+=(--env "JUPYTER_TOKEN=$token")

free_port() {
  local p
  for _ in $(seq 200); do
    p=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && ! ss -ltnH "sport = :$p" | grep -q .; then
      echo "$p"; return 0
    fi
  done
  echo "bench: no free loopback port found" >&2; return 1
}

# Descendants of a host pid (the container's PID 1), itself included.
tree_pids() {
  ps -e -o pid=,ppid= | awk -v root="$1" '
    { parent[$1] = $2; pids[NR] = $1 }
    END {
      for (i = 1; i <= NR; i++) {
        p = pids[i]; q = p
        for (d = 0; d < 64 && q != "" && q != 0; d++) { if (q == root) { print p; break }; q = parent[q] }
      }
    }'
}
rss_kb() { awk '/^VmRSS:/ { print $2; f = 1 } END { if (!f) print 0 }' "/proc/$1/status" 2>/dev/null || echo 0; }
pss_kb() { awk '/^Pss:/ { print $2; f = 1 } END { if (!f) print "" }' "/proc/$1/smaps_rollup" 2>/dev/null || true; }
# Fields of /proc/PID/stat after the command name (so field N of proc(5) is $(N-2) here).
stat_of() { sed 's/.*) //' "/proc/$1/stat"; }
clk_tck=$(getconf CLK_TCK)

# One measured run: create, start, poll until ready, read memory, stop. Appends a line to
# $work/results: variant ready_ms start_ms per-service-ready-ms… pid1_rss pid1_pss total_rss
# total_pss nprocs stop_ms exit_code spawn_ms pid1_cpu_ms.
run_once() {
  local variant=$1 measured=$2 name i hp t0 t1 up0 now pending code pid1 p
  name=plinth-bench-init-$variant-$$-$((++seq_no))
  local -a pub=() svc_ms=() urls=()
  for i in "${!ports[@]}"; do
    hp=$(free_port)
    pub+=(-p "127.0.0.1:$hp:${ports[$i]}")
    urls+=("http://127.0.0.1:$hp${paths[$i]}")
    svc_ms+=("")
  done
  containers+=("$name")
  if [ "$variant" = init ]; then
    docker create --name "$name" "${common_args[@]}" "${pub[@]}" "$tag" >/dev/null
  else
    docker create --name "$name" "${common_args[@]}" "${pub[@]}" --entrypoint sh "$tag" -c "$sh_script" >/dev/null
  fi
  sync
  up0=$(awk '{ sub(/\./, "", $1); print $1 + 0 }' /proc/uptime)   # centiseconds since boot
  t0=$(now_ms)
  docker start "$name" >/dev/null
  t1=$(now_ms)
  pending=${#urls[@]}
  while [ "$pending" -gt 0 ]; do
    for i in "${!urls[@]}"; do
      [ -z "${svc_ms[$i]}" ] || continue
      code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "${urls[$i]}" 2>/dev/null || true)
      if [[ $code =~ ^[23][0-9][0-9]$ ]]; then
        svc_ms[$i]=$(($(now_ms) - t0))
        pending=$((pending - 1))
      fi
    done
    [ "$pending" -gt 0 ] || break
    now=$(now_ms)
    if [ $((now - t0)) -gt $ready_timeout_ms ] || [ "$(docker inspect -f '{{.State.Running}}' "$name")" != true ]; then
      echo "bench: $variant variant: services not ready after $((now - t0)) ms (running: $(docker inspect -f '{{.State.Running}} exit {{.State.ExitCode}}' "$name")); last log lines:" >&2
      docker logs --tail 30 "$name" >&2 || true
      exit 1
    fi
    sleep "$poll_s"
  done
  local ready_ms=0
  for i in "${!svc_ms[@]}"; do [ "${svc_ms[$i]}" -le "$ready_ms" ] || ready_ms=${svc_ms[$i]}; done

  # Memory, once everything answers (a second for readiness probes / first requests to settle).
  sleep 1
  pid1=$(docker inspect -f '{{.State.Pid}}' "$name")
  local pid1_rss pid1_pss total_rss=0 total_pss=0 nprocs=0 pss_ok=1 r s
  pid1_rss=$(rss_kb "$pid1")
  pid1_pss=$(pss_kb "$pid1")
  for p in $(tree_pids "$pid1"); do
    r=$(rss_kb "$p"); s=$(pss_kb "$p")
    total_rss=$((total_rss + r)); nprocs=$((nprocs + 1))
    if [ -n "$s" ]; then total_pss=$((total_pss + s)); else pss_ok=0; fi
  done
  [ -n "$pid1_pss" ] || pid1_pss=NA
  # Spawn time: when the last of PID 1's children (the services) was forked (proc(5) field
  # 22, clock ticks since boot) relative to `docker start` (/proc/uptime read just before):
  # the entrypoint's own cost before the services run, without the services' start-up noise
  # (10 ms resolution; PID 1's own start time is runc's create, not the entrypoint's exec,
  # so it cannot serve as the origin). PID 1 CPU: utime + stime + cutime + cstime (the last
  # two include plinth-init's reaped readiness-probe children).
  local spawn_ticks=0 st cpu_ticks
  for p in $(ps -o pid= --ppid "$pid1"); do
    st=$(stat_of "$p" | awk '{ print $20 }')
    [ $((st - up0 * clk_tck / 100)) -le "$spawn_ticks" ] || spawn_ticks=$((st - up0 * clk_tck / 100))
  done
  cpu_ticks=$(stat_of "$pid1" | awk '{ print $12 + $13 + $14 + $15 }')
  [ "$pss_ok" = 1 ] || total_pss=NA
  if [ "$measured" = 1 ] && [ ! -s "$work/ps-$variant" ]; then
    # Process list of the first measured run of each variant, for the report.
    ps -o pid=,ppid=,rss=,args= -p "$(tree_pids "$pid1" | paste -sd,)" | cut -c1-150 >"$work/ps-$variant" || true
  fi

  local s0 s1 exit_code
  s0=$(now_ms)
  docker stop -t 10 "$name" >/dev/null
  s1=$(now_ms)
  exit_code=$(docker inspect -f '{{.State.ExitCode}}' "$name")
  if [ "$measured" = 1 ] && [ ! -s "$work/log-$variant" ]; then
    docker logs "$name" 2>&1 | grep -E '^\[plinth-init\]' | tail -n 12 >"$work/log-$variant" || true
    [ -s "$work/log-$variant" ] || echo "(no supervisor lines)" >"$work/log-$variant"
  fi
  docker rm -f "$name" >/dev/null

  printf '%s %s: start-to-ready %6d ms (%s), docker start %4d ms, spawn %3d ms, PID-1 CPU %4d ms, PID-1 RSS %6s kB, total RSS %7d kB (%d procs), stop %5d ms, exit %s\n' \
    "$([ "$measured" = 1 ] && echo run || echo warm-up)" "$(printf '%-4s' "$variant")" "$ready_ms" \
    "$(for i in "${!services[@]}"; do printf '%s %s ms ' "${services[$i]}" "${svc_ms[$i]}"; done | sed 's/ $//')" \
    $((t1 - t0)) $((spawn_ticks * 1000 / clk_tck)) $((cpu_ticks * 1000 / clk_tck)) "$pid1_rss" "$total_rss" "$nprocs" $((s1 - s0)) "$exit_code" >&2
  [ "$measured" = 1 ] || return 0
  echo "$variant $ready_ms $((t1 - t0)) ${svc_ms[*]} $pid1_rss $pid1_pss $total_rss $total_pss $nprocs $((s1 - s0)) $exit_code $((spawn_ticks * 1000 / clk_tck)) $((cpu_ticks * 1000 / clk_tck))" >>"$work/results"
}

echo "image: $image ($image_id), pinned as $tag" >&2
echo "services: ${services[*]}; user $svc_user; workdir ${svc_workdir:-image default}; limits: ${limits[*]}" >&2
echo "sh variant: sh -c \"$sh_script\"" >&2
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
seq_no=0
: >"$work/results"
for ((r = 0; r < warmup; r++)); do run_once init 0; run_once sh 0; done
for ((r = 0; r < runs; r++)); do run_once init 1; run_once sh 1; done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# --- Summary -------------------------------------------------------------------------------
nsvc=${#services[@]}
# Column of the results file (1-based) for a field name.
col() {
  case $1 in
    ready) echo 2 ;; start) echo 3 ;;
    svc*) echo $((4 + ${1#svc})) ;;
    pid1_rss) echo $((4 + nsvc)) ;; pid1_pss) echo $((5 + nsvc)) ;;
    total_rss) echo $((6 + nsvc)) ;; total_pss) echo $((7 + nsvc)) ;;
    nprocs) echo $((8 + nsvc)) ;; stop) echo $((9 + nsvc)) ;; exit) echo $((10 + nsvc)) ;;
    spawn) echo $((11 + nsvc)) ;; pid1_cpu) echo $((12 + nsvc)) ;;
  esac
}
# median / min of a field for a variant ("NA" when a value is missing)
stat() {
  awk -v v="$1" -v c="$(col "$2")" -v what="$3" '
    $1 == v { if ($c == "NA") na = 1; x[n++] = $c + 0 }
    END {
      if (n == 0 || na) { print "NA"; exit }
      for (i = 0; i < n; i++) for (j = i + 1; j < n; j++) if (x[j] < x[i]) { t = x[i]; x[i] = x[j]; x[j] = t }
      if (what == "min") print x[0]
      else if (what == "max") print x[n - 1]
      else if (n % 2) print x[(n - 1) / 2]
      else print (x[n / 2 - 1] + x[n / 2]) / 2
    }' "$work/results"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "NA" || b == "NA" || b == 0) print "n/a"; else printf "%.2f", a / b }'; }
exits() { awk -v v="$1" -v c="$(col exit)" '$1 == v { s = s (s == "" ? "" : ",") $c } END { print s }' "$work/results"; }

echo
echo "plinth-init vs sh -c \"… & … & wait\" — $runs runs each (ABAB, $warmup warm-up pair(s) not counted)"
echo "image: $image"
echo "machine: $(nproc) CPUs ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)), $(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); load average before: $load_before, after: $load_after"
echo
printf '%-34s %14s %14s %14s %14s %12s\n' "metric" "init median" "init min" "sh median" "sh min" "init/sh"
row() {
  local label=$1 field=$2 unit=$3
  local im in sm sn
  im=$(stat init "$field" median); in=$(stat init "$field" min)
  sm=$(stat sh "$field" median); sn=$(stat sh "$field" min)
  printf '%-34s %14s %14s %14s %14s %12s\n' "$label" "$im $unit" "$in $unit" "$sm $unit" "$sn $unit" "$(ratio "$im" "$sm")"
}
row "start-to-ready (all services)" ready ms
for i in "${!services[@]}"; do row "  ${services[$i]} ready" "svc$i" ms; done
row "  docker start returned" start ms
row "  services forked (after start)" spawn ms
row "PID 1 CPU time until measured" pid1_cpu ms
row "PID 1 VmRSS" pid1_rss kB
row "PID 1 Pss" pid1_pss kB
row "container VmRSS (sum)" total_rss kB
row "container Pss (sum)" total_pss kB
row "processes in container" nprocs ""
row "docker stop -t 10" stop ms
echo
echo "exit codes after docker stop: init: $(exits init); sh: $(exits sh)"
echo "start-to-ready overhead of plinth-init (median difference): $(awk -v a="$(stat init ready median)" -v b="$(stat sh ready median)" 'BEGIN { printf "%+d ms", a - b }')"
for v in init sh; do
  echo
  echo "processes once ready ($v, first measured run; pid ppid rss-kB args, pids as seen on the host):"
  sed 's/^/  /' "$work/ps-$v"
done
echo
echo "plinth-init's own lines (first measured run; ready times are from its in-container probes):"
sed 's/^/  /' "$work/log-init"
echo
echo "raw (variant ready_ms docker_start_ms ${services[*]/%/_ms} pid1_rss pid1_pss total_rss total_pss nprocs stop_ms exit spawn_ms pid1_cpu_ms):"
sed 's/^/  /' "$work/results"
