# SPDX-License-Identifier: Apache-2.0
# code-server's HTTP checks for the e2e suites (sourced; not a suite itself):
#   source "$SRC/tests/e2e/lib/code_server.sh"
#   check "code-server serves and logs in" check_code_server "$PORT" "$PASSWORD"
# Against a real code-server started with `--auth password` on 127.0.0.1:PORT, checks that
# /healthz answers 200, / without a session redirects (302) to the login page, and a POST of
# the password to /login sets the session cookie with which / leads to the editor (200).
# Exits (its subshell) non-zero with a message on stderr at the first failure. No wrong
# password is tried: code-server rate-limits failed logins, which would make repeated calls
# flaky.
# Needs curl.

check_code_server() ( # check_code_server PORT PASSWORD
  port=${1:?usage: check_code_server PORT PASSWORD}
  password=${2:?usage: check_code_server PORT PASSWORD}
  base="http://127.0.0.1:$port"
  fail() {
    echo "check_code_server: $*" >&2
    exit 1
  }
  jar=$(mktemp) || exit 1
  trap 'rm -f "$jar"' EXIT

  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$base/healthz")
  [[ $code == 200 ]] || fail "GET $base/healthz answered '$code', expected 200"

  out=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' --max-time 10 "$base/")
  [[ ${out%% *} == 302 && ${out#* } == */login* ]] ||
    fail "GET $base/ without a session answered '$out', expected 302 to the login page"

  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -c "$jar" \
    --data-urlencode "password=$password" "$base/login")
  [[ $code == 302 ]] || fail "POST $base/login with the password answered '$code', expected 302"
  grep -q 'code-server-session' "$jar" || fail "POST $base/login set no code-server-session cookie"

  # Logged in, / redirects to the workspace folder (./?folder=…), which answers 200.
  out=$(curl -s -L -o /dev/null -w '%{http_code} %{url_effective}' --max-time 20 -b "$jar" "$base/")
  [[ ${out%% *} == 200 && ${out#* } != */login* ]] ||
    fail "GET $base/ with the session cookie ended at '$out', expected 200 outside the login page"
)
