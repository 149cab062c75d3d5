#!/bin/sh
# run_filecheck.sh ADC FILECHECK CASE.c INCLUDE_DIR: runs the `// RUN:` lines of one golden test
# of tests/filecheck, lit-style.
#
# Each `// RUN: COMMAND` line is a shell command (run with sh -c, in order; all must exit 0)
# after these substitutions:
#   %adc        the adc tool          %FileCheck  LLVM's FileCheck
#   %s          the case file         %t          a fresh scratch directory for this case
#   %I          the include directory (holds adc.h)
# adc writes nothing to stdout on error and FileCheck refuses an empty input, so a failing adc
# also fails `%adc ... | %FileCheck ...`.
set -u
set -f

if [ $# -ne 4 ]; then
    echo "usage: run_filecheck.sh ADC FILECHECK CASE.c INCLUDE_DIR" >&2
    exit 2
fi
adc=$1
filecheck=$2
case_file=$3
include_dir=$4
name=$(basename "$case_file" .c)

fail() {
    echo "FAIL filecheck.$name: $*" >&2
    exit 1
}

[ -x "$adc" ] || fail "adc '$adc' is not executable"
[ -x "$filecheck" ] || fail "FileCheck '$filecheck' is not executable"
[ -r "$case_file" ] || fail "cannot read '$case_file'"

scratch=$(mktemp -d "${TMPDIR:-/tmp}/adc_filecheck_$name.XXXXXX") || fail "mktemp failed"
trap 'rm -rf "$scratch"' EXIT INT TERM

runs=$(sed -n 's|^// RUN:[ 	]*||p' "$case_file")
[ -n "$runs" ] || fail "no '// RUN:' line"

# One RUN line at a time; | cannot appear in the paths we substitute.
printf '%s\n' "$runs" | while IFS= read -r run; do
    cmd=$(printf '%s\n' "$run" | sed -e "s|%adc|$adc|g" -e "s|%FileCheck|$filecheck|g" \
                                     -e "s|%s|$case_file|g" -e "s|%t|$scratch|g" \
                                     -e "s|%I|$include_dir|g")
    echo "RUN: $cmd"
    sh -c "$cmd" || fail "command failed: $cmd"
done || exit 1
exit 0
