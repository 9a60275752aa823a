#!/usr/bin/env bash
# The stack file is a trust boundary: hostile names never reach the file system, duplicate
# keys name both positions, and thousands of errors are capped in the text output.
#   stack_boundary.sh <plinth binary> <source dir>
set -uo pipefail
source "$(dirname "$0")/lib/cli_test.sh" "$@"

# stack NAME [EXTRA]: a valid one-image stack whose image is NAME, EXTRA appended to it.
stack() {
  cat <<YAML
version: 1
name: t
registry: registry.example.com/ml
images:
  $1:
    tier: base
    version: 1.0.0
    from: bootstrap:debian/bookworm
    framework: {version: 2.16.1, variant: cpu}
    python: "3.11"
    user: {name: ml, uid: 1000, gid: 1000}
${2:-}
YAML
}

mkdir -p "$work/stack" "$work/rendered"
for name in '".."' '"/abs"' '"../../escaped"' '"a/b"'; do
  stack "$name" >"$work/stack/plinth.yaml"
  run render -f "$work/stack/plinth.yaml" -o "$work/rendered"
  expect_rc 1 "render refuses the image name $name"
  expect_in "$err" "image name must be lower-case letters and digits" "and names the rule"
  [ -z "$(ls -A "$work/rendered")" ] && pass "nothing is written below -o" || failed "render wrote $(ls -A "$work/rendered")"
  [ ! -e "$work/escaped" ] && [ ! -e /abs ] && pass "nothing is written outside -o" ||
    failed "render wrote outside -o"
done

stack base "$(printf 'registry: evil.example.com/ml\n')" >"$work/stack/plinth.yaml"
run check -f "$work/stack/plinth.yaml"
expect_rc 1 "a key written twice fails"
expect_in "$err" "plinth.yaml:12:1: error: duplicate key 'registry' in the stack file: first written at line 3, column 1" \
  "the error names both positions"

# 300 bad label keys: 100 are printed, the rest counted; --json has them all.
labels="    labels:"
for i in $(seq 1 300); do labels+=$'\n'"      \"bad key $i\": x"; done
stack base "$labels" >"$work/stack/plinth.yaml"
run check -f "$work/stack/plinth.yaml"
expect_rc 1 "300 errors fail the check"
[ "$(grep -c ': error: ' <<<"$err")" = 100 ] && pass "the first 100 are printed" ||
  failed "printed $(grep -c ': error: ' <<<"$err") errors"
expect_in "$err" "200 more diagnostic(s) not shown (--json lists them all)" "the rest are counted"
run check -f "$work/stack/plinth.yaml" --json
[ "$(grep -c '"code": "bad-label"' <<<"$out")" = 300 ] && pass "--json lists all 300" ||
  failed "--json listed $(grep -c '"code": "bad-label"' <<<"$out")"

# A NUL byte and an escape sequence are refused with their position, never echoed raw.
printf 'version: 1\nname: "t\\e[31m"\nregistry: r.example.com/ml\nimages: {}\n' >"$work/stack/plinth.yaml"
run check -f "$work/stack/plinth.yaml"
expect_rc 1 "an escape character in a value fails"
expect_in "$err" "plinth.yaml:2:7: error: name contains the control character U+001B" "at its position"
finish
