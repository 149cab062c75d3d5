#!/bin/sh
# run_valgrind.sh VALGRIND EXPECTED_STATUS PROGRAM [ARGS...]: runs PROGRAM under memcheck and
# passes when valgrind reports no error and no definitely lost block, and PROGRAM exits with
# EXPECTED_STATUS (adc exits 1 on a refused input, which is why valgrind's own error status is
# 99 here rather than 1). Exits 77 (ctest: skipped) when valgrind is not installed.
set -u
if [ $# -lt 3 ]; then
    echo "usage: run_valgrind.sh VALGRIND EXPECTED_STATUS PROGRAM [ARGS...]" >&2
    exit 2
fi
valgrind=$1 expected=$2
shift 2
if ! command -v "$valgrind" >/dev/null 2>&1; then
    echo "valgrind is not installed (Debian: apt-get install valgrind): skipped"
    exit 77
fi
log=$(mktemp "${TMPDIR:-/tmp}/adc_valgrind.XXXXXX") || exit 1
trap 'rm -f "$log"' EXIT INT TERM
"$valgrind" --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
    --num-callers=40 --log-file="$log" "$@"
status=$?
grep -E 'ERROR SUMMARY|definitely lost' "$log"
if [ "$status" -eq 99 ]; then
    cat "$log"
    echo "FAIL: valgrind reported errors or definite leaks in: $*"
    exit 1
fi
if [ "$status" -ne "$expected" ]; then
    cat "$log"
    echo "FAIL: exit status $status, expected $expected: $*"
    exit 1
fi
echo "ok: $* (exit status $status) is clean under valgrind"
