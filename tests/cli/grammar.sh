#!/usr/bin/env bash
# One CLI grammar: -f is --file everywhere, help, version, unknown commands (docs/cli.md).
#   grammar.sh <plinth binary> <source dir>
set -uo pipefail
source "$(dirname "$0")/lib/cli_test.sh" "$@"

run
expect_rc 2 "plinth without a command is a usage error"
expect_in "$err" "Subcommands:" "and prints the usage on stderr"

run help
expect_rc 0 "plinth help"
expect_in "$out" "check" "lists the commands"
run --help
expect_rc 0 "plinth --help"
run help check
expect_rc 0 "plinth help check"
expect_in "$out" "-f,--file" "shows check's options"
run help compat tf
expect_rc 0 "plinth help compat tf"
expect_in "$out" "--variant" "reaches nested commands"
run help chek
expect_rc 2 "plinth help chek"
expect_in "$err" "did you mean 'check'?" "suggests the command"

run version
expect_rc 0 "plinth version"
version=$out
expect_in "$version" "plinth " "prints the version"
run --version
expect_rc 0 "plinth --version"
[ "$out" = "$version" ] && pass "the same version both ways" || failed "'$out' != '$version'"

run chek -f plinth.yaml
expect_rc 2 "an unknown command is a usage error"
expect_in "$err" "unknown command 'chek' (did you mean 'check'?)" "with a suggestion"
run zzzzzz
expect_rc 2 "a far-off unknown command"
expect_not_in "$err" "did you mean" "gets no suggestion"

for cmd in check tags render build push images doctor up down status logs exec ls; do
  run "$cmd" --help
  expect_in "$out" "-f,--file" "$cmd: -f is --file"
done
run lint --help
expect_not_in "$out" "-f," "lint has no -f"
expect_in "$out" "--format" "lint has --format"
expect_in "$out" "--max-input-size" "lint has --max-input-size"
run logs --help
expect_in "$out" "--follow" "logs has --follow"

printf 'FROM debian:12.5\n' >"$work/Dockerfile"
run lint --format json "$work/Dockerfile"
[ "$rc" -le 1 ] && pass "lint --format json" || failed "lint --format json: exit $rc: $err"
expect_in "$out" "[" "prints JSON"
run lint -f json "$work/Dockerfile"
expect_rc 2 "lint -f is not --format any more"

finish
