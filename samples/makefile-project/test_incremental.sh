#!/bin/sh
# test_incremental.sh: proves that the Makefile regenerates exactly what changed:
#   first build        -> adc runs on fit.c and penalty.c, and `make check` passes
#   nothing touched    -> adc does not run
#   touch model.h      -> adc runs on both (both include it)
#   touch penalty.c    -> adc runs on penalty.c only (then the same for fit.c)
# It builds a copy of the project in a temporary directory and wraps adc in a script that
# logs every run. Exits non-zero on failure.
#
# Environment: ADC (the tool; default $BUILD/compiler/adc or $ADC_PREFIX/bin/adc), BUILD (a
# build tree of adc; default ../../build) or ADC_PREFIX (an installation), ADC_INCLUDE and
# ADC_LIB to override the headers and libadc.a, MAKE, CC, CFLAGS, LDFLAGS as usual, KEEP=1 to
# keep the temporary directory.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
abs() { case $1 in /*) printf '%s\n' "$1" ;; *) printf '%s\n' "$PWD/$1" ;; esac; }

if [ -n "${ADC_PREFIX:-}" ]; then
    prefix=$(abs "$ADC_PREFIX")
    real_adc=$(abs "${ADC:-$prefix/bin/adc}")
    include=$(abs "${ADC_INCLUDE:-$prefix/include}")
    lib=$(abs "${ADC_LIB:-$prefix/lib/libadc.a}")
else
    build=$(abs "${BUILD:-$repo/build}")
    real_adc=$(abs "${ADC:-$build/compiler/adc}")
    include=$(abs "${ADC_INCLUDE:-$repo/include}")
    lib=$(abs "${ADC_LIB:-$build/runtime/libadc.a}")
fi
for f in "$real_adc" "$lib" "$include/adc.h"; do
    [ -e "$f" ] || { echo "test_incremental: $f not found (set ADC, BUILD or ADC_PREFIX)" >&2; exit 2; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/adc-makefile-project.XXXXXX")
cleanup() { if [ "${KEEP:-0}" = 1 ]; then echo "kept $work"; else rm -rf "$work"; fi; }
trap cleanup EXIT
cp "$here/Makefile" "$here/model.h" "$here/fit.c" "$here/penalty.c" "$here/main.c" "$work/"
log=$work/adc.log
cat > "$work/adc-logged" <<WRAPPER
#!/bin/sh
echo "\$1" >> '$log'
exec '$real_adc' "\$@"
WRAPPER
chmod +x "$work/adc-logged"

failures=0
# build STEP EXPECTED...: runs make (target check when STEP is "check") and compares the
# sources adc ran on with EXPECTED.
build() {
    step=$1
    shift
    : > "$log"
    target=all
    [ "$step" = "first build" ] && target=check
    if ! ${MAKE:-make} --no-print-directory -C "$work" ADC="$work/adc-logged" ADC_INCLUDE="$include" ADC_LIB="$lib" \
            $target > "$work/make.out" 2>&1; then
        cat "$work/make.out" >&2
        echo "FAIL: $step: make failed" >&2
        exit 1
    fi
    got=$(sort "$log" | tr '\n' ' ' | sed 's/ $//')
    want=$(printf '%s\n' "$@" | sed '/^$/d' | sort | tr '\n' ' ' | sed 's/ $//')
    if [ "$got" = "$want" ]; then
        echo "ok: $step: adc ran on [${got}]"
    else
        echo "FAIL: $step: adc ran on [${got}], expected [${want}]" >&2
        failures=$((failures + 1))
    fi
}
# Makes FILE newer than everything built (file systems with coarse timestamps need a wait).
touch_newer() {
    touch "$work/$1"
    while [ ! "$work/$1" -nt "$work/model" ]; do
        sleep 0.1
        touch "$work/$1"
    done
}

build "first build" fit.c penalty.c
grep -q PASS "$work/make.out" || { cat "$work/make.out" >&2; echo "FAIL: make check" >&2; exit 1; }
sed -n '/^f(x)/,$p' "$work/make.out"
build "nothing touched" ""
touch_newer model.h
build "touch model.h" fit.c penalty.c
touch_newer penalty.c
build "touch penalty.c" penalty.c
touch_newer fit.c
build "touch fit.c" fit.c
build "nothing touched again" ""
"$work/model" > /dev/null || { echo "FAIL: ./model after the rebuilds" >&2; failures=$((failures + 1)); }

if [ "$failures" -ne 0 ]; then
    echo "test_incremental: $failures failure(s)" >&2
    exit 1
fi
echo "test_incremental: PASS"
