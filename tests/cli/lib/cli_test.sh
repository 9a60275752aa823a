# Shared by the CLI suites (sourced; not a suite itself):
#   source "$(dirname "$0")/lib/cli_test.sh" "$@"     # $1 = the plinth binary, $2 = the source dir
# The suites drive the real binary without an engine: fast, no services, no network.

plinth=$(realpath "$1")
src=$(realpath "$2")
work=$(mktemp -d "${TMPDIR:-/tmp}/plinth-test-cli.XXXXXX")
failures=0
trap 'rm -rf "$work"' EXIT

pass() { echo "  ok: $*"; }
failed() { echo "  FAIL: $*"; failures=$((failures + 1)); }

# run ARGS...: runs plinth (10 s at most) with stdin from /dev/null unless redirected by
# the caller; sets $rc, $out (stdout) and $err (stderr).
run() {
  rc=0
  timeout 10 "$plinth" "$@" >"$work/out" 2>"$work/err" || rc=$?
  out=$(cat "$work/out")
  err=$(cat "$work/err")
}
expect_rc() { if [ "$rc" = "$1" ]; then pass "$2"; else failed "$2 (exit $rc, expected $1; stderr: $(tail -c 400 <<<"$err"))"; fi; }
expect_in() { # TEXT NEEDLE WHAT
  if grep -qF -- "$2" <<<"$1"; then pass "$3"; else failed "$3 (no '$2' in: $(tail -c 400 <<<"$1"))"; fi
}
expect_not_in() { if grep -qF -- "$2" <<<"$1"; then failed "$3 ('$2' present)"; else pass "$3"; fi; }

finish() {
  if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed"
    exit 1
  fi
  echo "all checks passed"
}
