#!/bin/sh
# compiles_everywhere.sh CC INCLUDE_DIR GENERATED.c...: checks adc's promise that what it writes
# compiles with -Wall -Wextra -Werror under any compiler: each generated file of the e2e suite
# alone, with CC (the suite builds them with the project's compiler; this runs the other one).
set -u
cc=$1
include_dir=$2
shift 2
status=0
for generated in "$@"; do
    "$cc" -std=c11 -Wall -Wextra -Werror -fsyntax-only -I"$include_dir" "$generated" ||
        { echo "FAIL: $cc rejects $generated" >&2; status=1; }
done
[ $status -eq 0 ] && echo "$# generated files compile with $cc"
exit $status
