#!/bin/sh
# run_hostile.sh CASE ADC INCLUDE_DIR LIBADC CC SANITIZE: runs one hostile-input case.
#
# Each case generates its input at run time (awk and printf; nothing big is committed), runs
# the real adc on it as `adc IN -o OUT -- -I INCLUDE_DIR` under `ulimit -v` (4 GB; skipped
# when SANITIZE is 1, since AddressSanitizer reserves terabytes of address space), 50 s of CPU
# (`ulimit -St`: a bound on adc's work that holds however loaded the machine is, as when ctest
# runs tests in parallel) and a `timeout` of 250 s of wall time (a hang that does not compute),
# and requires a clean outcome:
#   error    exit status 1, a compiler-style `error:` line on stderr (at most 64 kB of it),
#            nothing on stdout, and no output or temporary file left behind;
#   success  exit status 0 and an output that gcc compiles with -Wall -Wextra -Werror (some
#            cases also link it with LIBADC and check the derivatives at run time);
#   clean    either of the two.
# A crash (exit status > 128), a hang (124 from timeout) or any other status fails.
set -u
set -f

if [ $# -ne 6 ]; then
    echo "usage: run_hostile.sh CASE ADC INCLUDE_DIR LIBADC CC SANITIZE" >&2
    exit 2
fi
case_name=$1 adc=$2 inc=$3 libadc=$4 cc=$5 sanitize=$6
here=$(cd "$(dirname "$0")" && pwd)
export LC_ALL=C

fail() {
    echo "FAIL hostile.$case_name: $*" >&2
    exit 1
}

scratch=$(mktemp -d "${TMPDIR:-/tmp}/adc_hostile_$case_name.XXXXXX") || fail "mktemp failed"
trap 'chmod -R u+rwx "$scratch" 2>/dev/null; rm -rf "$scratch"' EXIT INT TERM
mkdir "$scratch/out" || fail "mkdir failed"
out=$scratch/out/out.c
cflags="-std=c11 -O0 -Wall -Wextra -Werror"
sanflags=
[ "$sanitize" = 1 ] && sanflags="-fsanitize=address,undefined"

# run_adc IN: runs adc on IN; sets $status, leaves stdout/stderr in $scratch.
run_adc() {
    (
        # shellcheck disable=SC3045 # dash and bash both have ulimit -v
        [ "$sanitize" = 1 ] || ulimit -v 4194304
        ulimit -St 50
        exec timeout 250 "$adc" "$1" -o "$out" -- "-I$inc"
    ) >"$scratch/stdout" 2>"$scratch/stderr"
    status=$?
    size=$(wc -c <"$scratch/stderr")
    echo "adc exit status $status, $size bytes of diagnostics:"
    head -c 2000 "$scratch/stderr" | cut -c1-300
    case $status in
        0 | 1) ;;
        124) fail "adc did not finish within 250 s" ;;
        152) fail "adc used more than 50 s of CPU" ;;
        *) fail "adc crashed (exit status $status)" ;;
    esac
}

expect_error() {
    [ "$status" -eq 1 ] || fail "expected a diagnostic and exit status 1, got $status"
    grep -E '(^|: )(fatal )?error: ' "$scratch/stderr" >/dev/null || fail "no 'error:' line on stderr"
    [ "$size" -le 65536 ] || fail "$size bytes of diagnostics (more than 64 kB)"
    [ -s "$scratch/stdout" ] && fail "adc wrote to stdout"
    left=$(ls -A "$scratch/out")
    [ -z "$left" ] || fail "files left behind after a failed run: $left"
    if [ $# -gt 0 ]; then
        grep -F -e "$1" "$scratch/stderr" >/dev/null || fail "no diagnostic contains: $1"
    fi
    echo "ok: refused with a diagnostic"
}

expect_success() { # [linked]: link_and_run follows (it compiles the output itself)
    [ "$status" -eq 0 ] || fail "expected success, got exit status $status"
    [ -s "$scratch/stdout" ] && fail "adc wrote to stdout"
    [ -f "$out" ] || fail "no output file"
    left=$(ls -A "$scratch/out")
    [ "$left" = out.c ] || fail "unexpected files beside the output: $left"
    if [ "${1:-}" = linked ]; then
        echo "ok: generated $(wc -c <"$out") bytes"
        return
    fi
    # shellcheck disable=SC2086 # $cflags is a word list
    "$cc" $cflags -fsyntax-only "-I$inc" "$out" || fail "the generated file does not compile"
    echo "ok: generated $(wc -c <"$out") bytes that compile"
}

# expect_defines NAME...: the output defines each function (a success must not be empty).
expect_defines() {
    for name in "$@"; do
        grep -E "^[a-z].*[ *]$name\(.*\) \{\$" "$out" >/dev/null || fail "the output does not define $name"
    done
}

expect_clean() {
    if [ "$status" -eq 0 ]; then expect_success; else expect_error; fi
}

# link_and_run SRC [DEFS...]: builds SRC (its main under -DADC_HOSTILE_MAIN or DEFS) with the
# generated file and libadc, and runs it. The generated file is compiled without sanitizers
# even in a sanitized build (instrumenting a 3 MB function takes gcc minutes); only the link
# needs them, for the instrumented libadc.
link_and_run() {
    src=$1
    shift
    # shellcheck disable=SC2086 # $cflags is a word list
    "$cc" $cflags "-I$inc" -c "$out" -o "$scratch/out.o" || fail "the generated file does not compile"
    # shellcheck disable=SC2086 # $cflags and $sanflags are word lists
    "$cc" $cflags $sanflags "-I$inc" "$@" "$src" "$scratch/out.o" "$libadc" -lm -o "$scratch/check" ||
        fail "the generated file does not link into a program"
    "$scratch/check" || fail "the generated derivatives are wrong (see above)"
}

# --- generators --------------------------------------------------------------------------

# n statements of a function `double many(const double *x)`, x[0..3], one per line or all on one.
gen_statements() { # N SEP
    awk -v n="$1" -v sep="$2" 'BEGIN {
        printf "#include <math.h>\n#include <adc.h>\nADC_DIFF(wrt(x), len(x: 4), modes(grad))\n"
        printf "double many(const double *x)%s{%s    double s = 0.0, t = 1.0;%s", sep, sep, sep
        for (i = 0; i < n; i++) {
            k = i % 4
            if (i % 3 == 0) printf "    s = s * 0.999 + x[%d] * 0.01;%s", k, sep
            else if (i % 3 == 1) printf "    t = 0.5 * t + 0.5 * x[%d] * x[%d];%s", k, (k + 1) % 4, sep
            else printf "    s += %d.0e-4 * x[%d] * t;%s", i % 10, (k + 2) % 4, sep
        }
        printf "    return s * t + sin(s);%s}\n", sep
    }'
}

# `double f(double x)` as an if / else if chain of n branches, or as a chain of n nested ?:.
# Branch k (k < n) is taken for x < k + 0.5 and returns x * k; past them, f(x) = x.
gen_chain() { # N if|?:
    awk -v n="$1" -v form="$2" 'BEGIN {
        printf "#include <adc.h>\nADC_DIFF(wrt(x))\ndouble f(double x) { "
        if (form == "if") {
            printf "double s = 0;"
            for (i = 0; i < n; i++) printf " if (x < %d.5) s = x * %d.0; else", i, i
            printf " s = x; return s; }\n"
        } else {
            printf "return "
            for (i = 0; i < n; i++) printf "x < %d.5 ? x * %d.0 : ", i, i
            printf "x; }\n"
        }
    }'
}

# check_chain FORM: a chain of 10^4 branches must succeed fast with a flat output that compiles;
# the derivatives are checked on 10^3 branches (gcc -O0 needs 18 s for the larger output).
check_chain() {
    gen_chain 10000 "$1" >"$in"
    run_adc "$in"
    expect_success
    [ "$(wc -c <"$out")" -le 16777216 ] || fail "more than 16 MB of output for a 10^4-branch chain"
    expect_defines f_tangent f_adjoint f_grad
    rm -f "$out"
    gen_chain 1000 "$1" >"$in"
    run_adc "$in"
    expect_success linked
    link_and_run "$here/check_scalar.c" "$in"
}

in=$scratch/in.c
case $case_name in
    zero_byte_file)
        : >"$in"
        run_adc "$in"
        expect_clean
        ;;
    empty_file) # no declarations: comments, blank lines and an include only
        printf '/* nothing to differentiate here */\n\n#include <adc.h>\n\n// the end\n' >"$in"
        run_adc "$in"
        expect_clean
        ;;
    annotation_only) # an annotation with no function after it
        printf '#include <adc.h>\nADC_DIFF(wrt(x), len(x: n))\n' >"$in"
        run_adc "$in"
        expect_error
        ;;
    annotation_on_variable) # the annotation on a variable, not a function
        printf '#include <adc.h>\nADC_DIFF(wrt(x))\ndouble x = 1.0;\n' >"$in"
        run_adc "$in"
        expect_clean
        ;;
    directory) # the input file is a directory
        mkdir "$scratch/dir.c"
        run_adc "$scratch/dir.c"
        expect_error "dir.c: is a directory"
        ;;
    binary_garbage) # 256 kB of pseudo-random bytes, NULs included
        awk 'BEGIN { srand(5); for (i = 0; i < 262144; i++) printf "%c", int(rand() * 256) }' >"$in"
        run_adc "$in"
        expect_error
        ;;
    non_utf8_comment) # Latin-1 and stray bytes in comments and a string: valid C
        printf '#include <adc.h>\n/* caf\351 \377\376 \200 */\n// \300\200 overlong\nstatic const char *tag = "\351t\351";\nADC_DIFF(wrt(x))\ndouble f(double x) { /* \351 */ return x * x; } // \377\n' >"$in"
        run_adc "$in"
        expect_success
        expect_defines f_tangent f_adjoint f_grad
        ;;
    non_utf8_identifier) # a Latin-1 byte inside an identifier
        printf '#include <adc.h>\nADC_DIFF(wrt(x\351))\ndouble f(double x\351) { return x\351 * x\351; }\n' >"$in"
        run_adc "$in"
        expect_error
        ;;
    utf8_identifiers) # valid UTF-8 identifiers for the function, parameter and locals
        printf '#include <adc.h>\nADC_DIFF(wrt(\316\261))\ndouble f_\303\251(double \316\261) { double \316\262 = \316\261 * \316\261; return \316\262 * \316\261; }\n' >"$in"
        run_adc "$in"
        expect_success
        ;;
    deep_parens) # 10^5 nested parentheses: clang refuses beyond its bracket depth
        awk 'BEGIN { n = 100000; printf "#include <adc.h>\nADC_DIFF(wrt(x))\ndouble f(double x) { return "
                     for (i = 0; i < n; i++) printf "("; printf "x"; for (i = 0; i < n; i++) printf ")"
                     printf "; }\n" }' >"$in"
        run_adc "$in"
        expect_error "bracket nesting level"
        ;;
    huge_line) # a 10 MB file on one line: 220000 helpers, then the annotated function
        awk 'BEGIN { n = 220000
                     for (i = 0; i < n; i++) printf "static int p%d(int i) { return i * 3 + %d; } ", i, i % 100
                     printf "__attribute__((annotate(\"adc:wrt(x)\"))) double f(double x) { return x * x * p%d(2); }", n - 1 }' >"$in"
        run_adc "$in"
        expect_success
        expect_defines f_tangent f_adjoint f_grad
        ;;
    huge_line_error) # a 10 MB one-line comment, then an error at column 10^7
        awk 'BEGIN { printf "/*"; for (i = 0; i < 1000000; i++) printf " comment "; printf "*/ double f(double x) { return x * undeclared; }" }' >"$in"
        run_adc "$in"
        expect_error "undeclared"
        ;;
    long_expression) # one expression of 1000 terms (its left-leaning tree is 1000 deep)
        awk 'BEGIN { printf "#include <adc.h>\nADC_DIFF(wrt(x), len(x: 4), modes(grad))\ndouble many(const double *x) { return x[0]"
                     for (i = 0; i < 1000; i++) printf " + x[%d] * x[%d] * %d.5e-3", i % 4, (i + 1) % 4, i % 7
                     printf "; }\n" }' >"$in"
        run_adc "$in"
        expect_success linked
        link_and_run "$here/check_grad.c" -DNAME=many -DN=4 "$in"
        ;;
    many_statements) # a function of 10^4 statements
        gen_statements 10000 '
' >"$in"
        run_adc "$in"
        expect_success linked
        link_and_run "$here/check_grad.c" -DNAME=many -DN=4 "$in"
        ;;
    deep_unary) # 10^4 nested unary minus signs (no brackets: a 10^4-deep tree)
        awk 'BEGIN { printf "#include <adc.h>\nADC_DIFF(wrt(x))\ndouble f(double x) { return "
                     for (i = 0; i < 10000; i++) printf "- "; printf "x; }\n" }' >"$in"
        run_adc "$in"
        expect_success
        expect_defines f_tangent f_adjoint f_grad
        ;;
    mutual_recursion) # f calls g calls f, both annotated
        cp "$here/mutual_recursion.c" "$in"
        run_adc "$in"
        expect_success linked
        link_and_run "$in" -DADC_HOSTILE_MAIN
        ;;
    nested_conditional) # a ?: nested in a branch of another ?: runs only with it
        cp "$here/nested_conditional.c" "$in"
        run_adc "$in"
        expect_success linked
        link_and_run "$in" -DADC_HOSTILE_MAIN
        ;;
    output_permissions) # the output follows the umask (0644 under 022), like a compiler's
        printf '#include <adc.h>\nADC_DIFF(wrt(x))\ndouble f(double x) { return x * x; }\n' >"$in"
        umask 022
        run_adc "$in"
        expect_success
        mode=$(stat -c %a "$out")
        [ "$mode" = 644 ] || fail "output mode $mode under umask 022, expected 644"
        ;;
    huge_expression) # a 10^5-term sum on one line (a 10^5-deep tree). gcc -O0 needs 45 s and
        # 2.7 GB to compile the 26 MB output, so it is only checked to compile (-fsyntax-only);
        # long_expression checks the derivatives of such a sum
        awk 'BEGIN { printf "#include <adc.h>\nADC_DIFF(wrt(x))\ndouble f(double x) { return x"
                     for (i = 0; i < 100000; i++) printf " + x * %d.5", i % 7; printf "; }\n" }' >"$in"
        run_adc "$in"
        expect_success
        expect_defines f_tangent f_adjoint f_grad
        ;;
    long_else_if) # an if / else if chain of 10^4 branches: flat output, linear in the input
        check_chain if
        ;;
    conditional_chain) # a chain of 10^4 nested ?: (it becomes an else-if chain)
        check_chain '?:'
        ;;
    *)
        fail "unknown case"
        ;;
esac
exit 0
