#!/bin/sh
# check_depfile.sh DEPFILE FILE...: each FILE is a prerequisite line of the make dependency
# file adc -MD wrote (so that make rebuilds the derivatives when any of them changes).
depfile=$1
shift
for f in "$@"; do
    sed 's/ \\$//' "$depfile" | grep -qxF "  $f" || { echo "FAIL: $f missing from $depfile"; exit 1; }
done
echo "PASS: $depfile lists all $# files"
