#!/bin/sh
# build.sh [OUT_DIR]: builds the libFuzzer harness fuzz_adc into OUT_DIR (default /tmp/adc_fuzz).
#
# The CMake build uses gcc, which has no libFuzzer, so the compiler sources are compiled here
# directly with clang (-fsanitize=fuzzer,address,undefined; Debian: libclang-rt-14-dev). Every
# compiler/PHASE/*.c goes in (main.c, the CLI, is not in a phase directory), with two
# exceptions: diag.c and lower_type.c are compiled through fuzz/reset_*.c, which include them
# unchanged and add a reset of their static state between inputs (see those files).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out=${1:-/tmp/adc_fuzz}
cc=${CC:-clang}

llvm_config=
for c in llvm-config llvm-config-19 llvm-config-18 llvm-config-17 llvm-config-16 llvm-config-15 llvm-config-14; do
    if command -v "$c" >/dev/null 2>&1; then llvm_config=$c; break; fi
done
if [ -n "$llvm_config" ]; then
    inc=$($llvm_config --includedir)
    lib=$($llvm_config --libdir)
else
    inc=/usr/lib/llvm-14/include
    lib=/usr/lib/llvm-14/lib
fi

srcs=
for f in "$root"/compiler/*/*.c; do
    case ${f##*/} in
        diag.c | lower_type.c) ;;
        *) srcs="$srcs $f" ;;
    esac
done

mkdir -p "$out/obj"
rm -f "$out"/obj/*.o
version=$(sed -n 's/^project(adc VERSION \([0-9.]*\).*/\1/p' "$root/CMakeLists.txt")
compile() { # compile FLAGS... SRC -o OBJ
    "$cc" -std=c11 -g -O1 -fno-omit-frame-pointer -Wall -Wextra \
        -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all \
        -D_XOPEN_SOURCE=700 -DADC_VERSION="\"$version\"" -DADC_INCLUDE_DIR="\"$root/include\"" \
        $(for d in "$root"/compiler/*/; do printf ' -I%s' "$d"; done) -I"$inc" "$@"
}
# The compiler's own sources are -Werror clean under gcc (the CMake build); clang warns about
# a few more things (e.g. -Wbitwise-instead-of-logical), which must not stop fuzzing.
# The harness files are -Werror clean under clang.
for f in $srcs; do
    base=${f##*/}
    compile -w -c "$f" -o "$out/obj/${base%.c}.o"
done
for f in "$here/fuzz_adc.c" "$here/reset_diag.c" "$here/reset_lower_type.c"; do
    base=${f##*/}
    compile -Werror -c "$f" -o "$out/obj/fuzz_${base%.c}.o"
done
"$cc" -fsanitize=fuzzer,address,undefined "$out"/obj/*.o -L"$lib" -Wl,-rpath,"$lib" -lclang -lm -lpthread \
    -o "$out/fuzz_adc"
echo "built $out/fuzz_adc"
