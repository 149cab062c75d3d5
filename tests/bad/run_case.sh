#!/bin/sh
# run_case.sh ADC CASE.c INCLUDE_DIR: runs one bad-input case of tests/bad.
#
# The case's leading `//` comment lines hold the expectation:
#   // ARGS: WORDS      options put before the default command `%s -o %o -- -I%I`
#   // CMD: WORDS       the whole command line instead (when the default shape does not fit)
#   // EXIT: N          the exit status adc must return (1 input error, 2 usage error)
#   // ERROR: TEXT      a fixed substring that some line of stderr must contain
#   // ERROR-RE: RE     an extended regular expression (grep -E) some line of stderr must match
#   // PREEXISTING: keep  also do run 2 below (one case per failing stage, to keep the suite fast)
# ERROR and ERROR-RE may repeat; all must match. Placeholders in ARGS/CMD: %s the case file,
# %o the output file, %d the scratch directory, %I the include directory. Words are split on
# blanks, without quoting or globbing.
#
# The case passes when adc exits with EXIT, writes nothing to stdout, prints the expected
# diagnostics, each only once, and leaves the scratch directory as it found it: run 1 starts
# from an empty directory and must leave it empty (no output, no header, no dependency file,
# no temporary); run 2 starts with a pre-existing output file, which must be left byte for
# byte unchanged, with nothing added beside it.
set -u
set -f

if [ $# -ne 3 ]; then
    echo "usage: run_case.sh ADC CASE.c INCLUDE_DIR" >&2
    exit 2
fi
adc=$1
case_file=$2
include_dir=$3
name=${case_file##*/}
name=${name%.c}

fail() {
    echo "FAIL bad.$name: $*" >&2
    exit 1
}

[ -x "$adc" ] || fail "adc '$adc' is not executable"
[ -r "$case_file" ] || fail "cannot read '$case_file'"

# The expectation: the leading block of // lines only (shell builtins only: the suite runs
# adc about forty times and must stay fast).
nl='
'
args='' cmd='' expected_exit='' errors='' error_res='' preexisting=''
while IFS= read -r line; do
    case $line in
        "// ARGS:"*) args=${line#"// ARGS:"} ;;
        "// CMD:"*) cmd=${line#"// CMD:"} ;;
        "// EXIT:"*) expected_exit=${line#"// EXIT:"} ;;
        "// ERROR:"*) text=${line#"// ERROR:"}; errors=$errors${text#"${text%%[! ]*}"}$nl ;;
        "// ERROR-RE:"*) text=${line#"// ERROR-RE:"}; error_res=$error_res${text#"${text%%[! ]*}"}$nl ;;
        "// PREEXISTING:"*) preexisting=${line#"// PREEXISTING:"} ;;
        //*) ;;
        *) break ;;
    esac
done <"$case_file"
expected_exit=${expected_exit#"${expected_exit%%[! ]*}"}
preexisting=${preexisting#"${preexisting%%[! ]*}"}
[ -n "$expected_exit" ] || fail "no '// EXIT:' line"
[ -n "$errors$error_res" ] || fail "no '// ERROR:' or '// ERROR-RE:' line"

scratch=$(mktemp -d "${TMPDIR:-/tmp}/adc_bad_$name.XXXXXX") || fail "mktemp failed"
trap 'rm -rf "$scratch"' EXIT INT TERM
work=$scratch/work
mkdir "$work" || fail "mkdir failed"
out=$work/out.c

if [ -z "$cmd" ]; then
    cmd="$args %s -o %o -- -I%I"
fi
# Substitute the placeholders; | cannot appear in the paths we make.
expanded=$(printf '%s\n' "$cmd" | sed -e "s|%s|$case_file|g" -e "s|%o|$out|g" \
                                     -e "s|%d|$work|g" -e "s|%I|$include_dir|g")

check_run() { # check_run LABEL: runs adc, checks status, stdout and stderr
    # shellcheck disable=SC2086 # word splitting of the command line is intended
    "$adc" $expanded >"$scratch/stdout" 2>"$scratch/stderr"
    status=$?
    if [ "$status" -ne "$expected_exit" ]; then
        cat "$scratch/stderr" >&2
        fail "$1: exit status $status, expected $expected_exit (adc $expanded)"
    fi
    if [ -s "$scratch/stdout" ]; then
        cat "$scratch/stdout" >&2
        fail "$1: adc wrote to stdout"
    fi
    rest=$errors
    while [ -n "$rest" ]; do
        text=${rest%%"$nl"*}
        rest=${rest#*"$nl"}
        grep -F -e "$text" "$scratch/stderr" >/dev/null || {
            cat "$scratch/stderr" >&2
            fail "$1: no stderr line contains: $text"
        }
    done
    rest=$error_res
    while [ -n "$rest" ]; do
        re=${rest%%"$nl"*}
        rest=${rest#*"$nl"}
        grep -E -e "$re" "$scratch/stderr" >/dev/null || {
            cat "$scratch/stderr" >&2
            fail "$1: no stderr line matches: $re"
        }
    done
    # Each diagnostic is reported once: no `error:` line may repeat verbatim.
    repeated=$(awk '/: error: / && seen[$0]++ { print; exit }' "$scratch/stderr")
    if [ -n "$repeated" ]; then
        cat "$scratch/stderr" >&2
        fail "$1: the same error is reported more than once: $repeated"
    fi
}

# Run 1: nothing must be left behind.
check_run "run 1"
left=$(ls -A "$work")
[ -z "$left" ] || fail "run 1: files left behind after a failed run: $left"

# Run 2: a pre-existing output must be left untouched.
[ "$preexisting" = keep ] || exit 0
printf '/* pre-existing output of %s: must survive a failed run */\n' "$name" >"$out"
cp "$out" "$scratch/expected_out"
check_run "run 2"
cmp -s "$out" "$scratch/expected_out" || fail "run 2: the pre-existing output file was changed"
left=$(ls -A "$work")
[ "$left" = "out.c" ] || fail "run 2: unexpected files after a failed run: $left"
exit 0
