#!/usr/bin/env bash
# End-to-end registry auth (htpasswd registry on 127.0.0.1:5001): a wrong password is a
# clear error and never printed, missing credentials say how to log in, credentials from
# config.json auths push.
#
#   bash push_auth.sh <path-to-plinth> <source-dir>
set -uo pipefail
source "$(dirname "$0")/lib/plinth_e2e.sh" "$@"

echo "== htpasswd registry"
bootstrap_and_build "$work/auth" "127.0.0.1:5001/plinth-test-$run_id" base
out=$(echo "not-the-password" | "$plinth" push -f "$work/auth/plinth.yaml" base --username plinth-test --password-stdin 2>&1)
expect_eq "$?" 3 "a wrong password exits 3"
expect_contains "$out" "wrong username or password" "a wrong password gives a clear error"
expect_not_contains "$out" "not-the-password" "the password is never printed"
out=$(DOCKER_CONFIG=$work/empty-docker-config "$plinth" push -f "$work/auth/plinth.yaml" base 2>&1)
expect_contains "$out" "needs credentials" "missing credentials say how to log in"
mkdir -p "$work/docker-config"
printf '{"auths":{"127.0.0.1:5001":{"auth":"%s"}}}\n' "$(printf 'plinth-test:plinth-test-password' | base64)" \
  >"$work/docker-config/config.json"
out=$(DOCKER_CONFIG=$work/docker-config "$plinth" push -f "$work/auth/plinth.yaml" base 2>&1)
expect_eq "$?" 0 "push with credentials from config.json auths succeeds"
expect_not_contains "$out" "plinth-test-password" "the password is never printed"

finish
