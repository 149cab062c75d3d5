#!/bin/sh
# run_sample.sh: builds and runs one sample out of tree, as ctest's sample.NAME does: copies
# samples/NAME and samples/common (the header the samples share) into a fresh temporary
# directory, runs `make clean run` there against the adc and libadc of a CMake build tree,
# and fails when make fails, which includes the sample exiting non-zero because a result
# disagrees with its reference. Nothing is written into the source tree.
#
# Usage: run_sample.sh NAME SAMPLES_DIR BUILD_DIR INCLUDE_DIR CC [EXTRA_FLAGS]
# EXTRA_FLAGS (e.g. the sanitizer flags of the build) go into both CFLAGS and LDFLAGS.
# Environment: MAKE, TMPDIR as usual, KEEP=1 to keep the temporary directory.
set -eu

if [ $# -lt 5 ]; then
    echo "usage: $0 NAME SAMPLES_DIR BUILD_DIR INCLUDE_DIR CC [EXTRA_FLAGS]" >&2
    exit 2
fi
abs() { case $1 in /*) printf '%s\n' "$1" ;; *) printf '%s\n' "$PWD/$1" ;; esac; }
name=$1 samples=$(abs "$2") build=$(abs "$3") include=$(abs "$4") cc=$5 extra=${6:-}
for f in "$samples/$name/Makefile" "$build/compiler/adc" "$build/runtime/libadc.a" \
         "$include/adc.h"; do
    [ -e "$f" ] || { echo "run_sample: $f not found" >&2; exit 2; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/adc-sample-$name.XXXXXX")
cleanup() { if [ "${KEEP:-0}" = 1 ]; then echo "kept $work"; else rm -rf "$work"; fi; }
trap cleanup EXIT
cp -R "$samples/$name" "$samples/common" "$work/"

# clean first: a copy of a directory someone built in place would bring its objects along.
${MAKE:-make} --no-print-directory -C "$work/$name" BUILD="$build" ADC_INCLUDE="$include" \
    CC="$cc" CFLAGS="-std=c11 -O2 -Wall -Wextra -Werror $extra" LDFLAGS="$extra" clean run
