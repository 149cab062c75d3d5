#!/bin/sh
# compiles_everywhere.sh CC INCLUDE_DIR [-DNAME... -IDIR...] GENERATED.c...: checks adc's promise that
# what it writes compiles with -Wall -Wextra -Werror under any compiler: each generated file of
# the e2e suite alone, with CC (the suite builds them with the project's compiler; this runs the
# other one), given the -D flags adc read the cases with and the -I flags they are built with.
set -u
cc=$1
include_dir=$2
shift 2
defines=""
while [ $# -gt 0 ] && { [ "${1#-D}" != "$1" ] || [ "${1#-I}" != "$1" ]; }; do
    defines="$defines $1"
    shift
done
status=0
for generated in "$@"; do
    # shellcheck disable=SC2086 # the -D and -I flags are words
    "$cc" -std=c11 -Wall -Wextra -Werror -fsyntax-only -I"$include_dir" $defines "$generated" ||
        { echo "FAIL: $cc rejects $generated" >&2; status=1; }
done
[ $status -eq 0 ] && echo "$# generated files compile with $cc"
exit $status
