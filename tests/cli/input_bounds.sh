#!/usr/bin/env bash
# Stack files and Dockerfiles are read bounded: devices, FIFOs, directories, empty files.
#   input_bounds.sh <plinth binary> <source dir>
set -uo pipefail
source "$(dirname "$0")/lib/cli_test.sh" "$@"

stack_limit="larger than 4 MiB, the limit for stack files (raise it with --max-input-size SIZE)"
run check -f /dev/zero
expect_rc 2 "check -f /dev/zero is an I/O error"
expect_in "$err" "/dev/zero: $stack_limit" "it names the file, the limit and the flag"

run check -f /dev/zero --max-input-size 1k
expect_rc 2 "check -f /dev/zero --max-input-size 1k"
expect_in "$err" "larger than 1 KiB" "--max-input-size sets the limit"
run check -f "$src/examples/tf-gpu-team/plinth.yaml" --max-input-size 8m
expect_rc 0 "a raised limit still checks a real stack"
run check -f "$src/examples/tf-gpu-team/plinth.yaml" --max-input-size lots
expect_rc 2 "--max-input-size wants a size"

: >"$work/empty.yaml"
run check -f "$work/empty.yaml"
expect_rc 1 "an empty stack file fails validation"
expect_in "$err" "the stack file is empty" "and says it is empty"

run check -f "$work"
expect_rc 2 "a directory as stack file"
expect_in "$err" "is a directory, not a file" "says it is a directory"

run check -f "$work/missing.yaml"
expect_rc 2 "a missing stack file"
expect_in "$err" "missing.yaml: cannot open: No such file or directory" "says it is missing"

run logs -f "$work/missing.yaml"
expect_rc 2 "logs -f FILE reads FILE as the stack file"
expect_in "$err" "missing.yaml: cannot open" "and names it"

dockerfile=$'FROM debian:12.5\nRUN echo hi\n'
mkfifo "$work/Dockerfile.fifo"
printf '%s' "$dockerfile" >"$work/Dockerfile.fifo" &
run lint "$work/Dockerfile.fifo"
wait
[ "$rc" -le 1 ] && pass "lint reads a FIFO (exit $rc)" || failed "lint on a FIFO: exit $rc: $err"
expect_not_in "$err" "no such file" "and does not call it missing"

rc=0
timeout 10 "$plinth" lint - </dev/zero >/dev/null 2>"$work/err" || rc=$?
err=$(cat "$work/err")
expect_rc 2 "lint - </dev/zero"
expect_in "$err" "<stdin>: larger than 64 MiB, the limit for Dockerfiles" "names stdin and the limit"

run lint /dev/zero --max-input-size 1m
expect_rc 2 "lint /dev/zero --max-input-size 1m"
expect_in "$err" "/dev/zero: larger than 1 MiB, the limit for Dockerfiles" "bounded by the flag"

finish
