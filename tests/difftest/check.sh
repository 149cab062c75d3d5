# check.sh: sourced by run and by reduce's interestingness test. Needs adc, inc, lib, here.

# check DIR CC FLAGS...: adc, compile, link and run DIR/p.c; prints "refused: MSG",
# "pass", "skip", "illcond" (a float program ill-conditioned in float whose double twin passes),
# "discard" or "mismatch CLASS: DETAIL". The primal values are compared bit for
# bit, so nothing may be computed differently in one file than in the other: -ffp-contract=off,
# as clang's default (on) constant-folds a*b+c as a fused multiply-add in the inlined primal of
# the harness; -fno-builtin, as gcc -O2 folds math calls on constants correctly rounded where
# glibc's run-time expf or tanh may be 1 ulp off (seed 20358: expf(tanhf(k * 0.5)) folded in
# f, whose loop it unrolls, and called in f_forward).
check() {
    local d=$1 cc=$2
    shift 2
    local flags=(-Wall -Wextra -Werror -ffp-contract=off -fno-builtin "-I$inc" "-I$here" "$@")
    flags+=($(slp_float_workaround "$d" "$cc" "$@"))
    timeout 120 "$adc" "$d/p.c" -o "$d/p_ad.c" -- "-I$inc" >"$d/adc.out" 2>&1
    local rc=$?
    if grep -q 'internal failure of adc' "$d/adc.out"; then
        echo "mismatch adc-internal: $(grep -m1 -o 'error: .*' "$d/adc.out")"; return
    elif [ $rc = 1 ] && proper_diagnostic "$d"; then
        echo "refused: $(grep -m1 -o 'error: .*' "$d/adc.out")"; return
    elif [ $rc != 0 ]; then
        echo "mismatch adc-exit-$rc: $(grep -m1 'error\|Assert\|ERROR' "$d/adc.out")"; return
    fi
    harness_main "$d/p.c" >"$d/main.c"
    local twin=()
    if grep -q '^#define DT_FLOAT 1' "$d/p.c"; then
        { printf '#define f f_twin\n#define fh fh_twin\n#line 1\n'; double_twin "$d/p.c"; } >"$d/twin.c"
        twin=("$d/twin.c")
    fi
    local allowed=()
    for w in ${DIFFTEST_ALLOW_WARNINGS:-}; do allowed+=("-Wno-error=$w"); done
    if ! compile "$d" "$cc" "${flags[@]}" "${allowed[@]}" "$d/main.c" "$d/p.c" "${twin[@]}" \
        "$d/p_ad.c" "$lib" -lm -o "$d/p"; then
        echo "mismatch $(build_failure "$d/cc.out")"; return
    fi
    timeout 20 "$d/p" >"$d/run.out" 2>&1
    rc=$?
    if [ $rc = 1 ] && grep -q '^ill-conditioned' "$d/run.out"; then
        check_twin_program "$d" "$cc" "$@" && return
    fi
    if [ $rc = 1 ] && grep -qE '^FAIL .*[^a-z]nan([^a-z]|$)' "$d/run.out" &&
        discarded_unoptimized "$d" "$cc" "${flags[@]}" "${allowed[@]}" "$d/main.c" "$d/p.c" "${twin[@]}" \
            "$d/p_ad.c" "$lib" -lm; then
        echo discard; return
    fi
    case $rc in
    0) echo pass ;;
    3) echo skip ;;
    4) echo discard ;;
    1) if grep -q '^FAIL ' "$d/run.out"; then
           echo "mismatch numeric: $(grep '^FAIL ' "$d/run.out" | head -3 | tr '\n' ' ')"; return
       fi ;& # every check passed: a sanitizer's report (LeakSanitizer exits 1)
    *) echo "mismatch crash-$rc: in $(grep '^check' "$d/run.out" | tail -1) $(grep -m1 'ERROR\|runtime error' "$d/run.out")" ;;
    esac
}

# harness_main P.C: the harness's translation unit for the program P.C (its DIFFTEST_MAIN
# block: the sizes and modes, then harness.h), compiled with the program's options and
# sanitizers but without optimization (the pragmas): its code checks, it is not checked, and
# at -O2 it cost half the time of compiling the program (README, Throughput). f itself, in
# p.c, is compiled with the program's options.
harness_main() {
    printf '#define DIFFTEST_MAIN 1\n#ifdef __clang__\n#pragma clang optimize off\n'
    printf '#else\n#pragma GCC optimize("O0")\n#endif\n'
    sed -n '/^#ifdef DIFFTEST_MAIN$/,$p' "$1"
}

# build_failure CC.OUT: the class of a failed build of main.c (the harness), p.c (the
# program), twin.c (its double twin) and p_ad.c (what adc generated), compiled and linked by
# one compiler driver (each compiler started once per program, not four times: README,
# Throughput): the class of the first of them with an error, in that order, as when each was
# compiled apart; a timeout, or an error in none of them (a header), "build"; else "link".
build_failure() {
    local file where
    for file in main.c:program harness.h:program p.c:program twin.c:twin p_ad.c:generated; do
        where="/${file%%:*}:[0-9]*:[0-9]*: error"
        if grep -q "$where" "$1"; then
            echo "${file#*:}-compile: $(grep -m1 "$where" "$1")"; return
        fi
    done
    if grep -q 'timed out after\|:[0-9]*:[0-9]*: error' "$1"; then
        echo "build: $(grep -m1 'timed out after\|:[0-9]*:[0-9]*: error' "$1")"; return
    fi
    echo "link: $(grep -m1 'undefined\|error' "$1")"
}

# compile DIR CC ARGS...: CC ARGS, its messages in DIR/cc.out; fails when CC does, or when it
# takes more than DIFFTEST_COMPILE_TIMEOUT seconds of wall time (default 300; an error line
# says so): gcc -O2 takes 5 s of CPU for the 12,700 lines adc writes for seed 3000018, 70 s
# of wall time at load average 24, past the 60 s this used to allow.
compile() {
    local d=$1 limit=${DIFFTEST_COMPILE_TIMEOUT:-300}
    shift
    timeout "$limit" "$@" >"$d/cc.out" 2>&1
    local rc=$?
    [ $rc = 124 ] && echo "error: $1 timed out after $limit s" >>"$d/cc.out"
    return $rc
}

# slp_float_workaround DIR CC FLAGS...: prints -fno-tree-slp-vectorize if CC with FLAGS
# miscompiles slp_float_probe.c: gcc 12.2 at -O2 vectorizes two adjacent conversions double ->
# float -> double (adc writes one for a value and one for its tangent) and folds the pair of
# vector conversions away, so the value is not rounded to float (README bug 38). Probed once
# per options in DIR's parent (the run's work directory).
slp_float_workaround() {
    local d=$1 cc=$2
    shift 2
    local probe result=ok
    probe="$(dirname "$d")/slp-probe.$(echo "$cc $*" | cksum | cut -d' ' -f1)"
    if [ ! -f "$probe" ]; then
        if "$cc" "$@" "$here/slp_float_probe.c" -o "$probe.$BASHPID.exe" >/dev/null 2>&1 &&
            ! "$probe.$BASHPID.exe"; then
            result=broken
        fi
        echo "$result" >"$probe.$BASHPID" && mv "$probe.$BASHPID" "$probe"
        rm -f "$probe.$BASHPID.exe"
    fi
    [ "$(cat "$probe")" = broken ] && echo -fno-tree-slp-vectorize
}

# The double twin of a float program (harness.h: f_twin, with -Df=f_twin): float -> double and
# the math functions of float to those of double, so that its finite differences see the
# program in real arithmetic rather than float rounding's staircase (README bug 15). The
# globals (gv0, ...) and annotated helpers (dh0, ...), external names, get the twin's own.
double_twin() {
    sed -E -e 's/\bfloat\b/double/g' -e 's/\b(gv|dh)([0-9]+)\b/\1\2_twin/g' \
        -e 's/\b(a?(sin|cos|tan)h?|atan2|exp|exp2|expm1|log|log2|log10|log1p|sqrt|cbrt|pow|hypot|erfc?|fabs|fmin|fmax)f\(/\1(/g' "$1"
}

# discarded_unoptimized DIR CC ARGS...: whether the program built from ARGS at -O0 (each -O
# option dropped) is discarded: its primal overflows or makes a NaN on the way. A NaN in a
# derivative of an optimized build may come from such a value that the optimizer dropped from
# the primal (dead there, so no flag is raised) but not from the sweeps that read it: seed
# 2016505 (README entry 81), SQ(1.9e239) at clang -O2.
discarded_unoptimized() {
    local d=$1 cc=$2 args=()
    shift 2
    for a in "$@"; do [[ $a == -O* ]] || args+=("$a"); done
    compile "$d" "$cc" "${args[@]}" -O0 -o "$d/p_O0" || return 1
    timeout 20 "$d/p_O0" >"$d/run_O0.out" 2>&1
    [ $? = 4 ]
}

# check_twin_program DIR CC FLAGS...: a float program that failed a check while ill-conditioned
# in float (harness.h: its differences and its double twin's disagree) is judged by its double
# twin, differentiated and checked as a program of its own (double tolerances): prints
# "illcond" and succeeds if the twin passes; else the float program's failure stands.
check_twin_program() {
    local d=$1
    shift
    mkdir -p "$d/twin"
    double_twin "$d/p.c" | sed 's/^#define DT_FLOAT 1$/#define DT_FLOAT 0/' >"$d/twin/p.c"
    case $(check "$d/twin" "$@") in
    pass | skip) echo illcond ;;
    *) return 1 ;;
    esac
}

# adc's diagnostic quotes the line of p.c it names (not a line of code adc generated).
proper_diagnostic() {
    local where line
    where=$(grep -m1 -o '^[^:]*p\.c:[0-9]*:[0-9]*: error:' "$1/adc.out") || return 1
    line=$(echo "$where" | cut -d: -f2)
    [ "$(sed -n "${line}p" "$1/p.c")" = "$(grep -m1 -A1 -F "$where" "$1/adc.out" | sed -n 2p)" ]
}
