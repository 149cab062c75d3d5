#!/usr/bin/env bash
# bench/enzyme/build.sh [BUILD_DIR]: builds Enzyme's clang plugin ClangEnzyme-19.so, at the pinned
# commit below, against Debian's LLVM/clang 19, for the Enzyme table of bench/run; prints the
# plugin's path (then: ENZYME_PLUGIN=that-path bench/run ...). Nothing is written under bench/.
#
#   BUILD_DIR   where to build (default /tmp/enzyme-build); the source goes to BUILD_DIR/src
#   ENZYME_SRC  an existing copy of the Enzyme repository at that commit (its top directory,
#               holding enzyme/CMakeLists.txt) instead of fetching it from GitHub
#   JOBS        parallel compile jobs (default 2; the build takes about 17 min on 2 idle cores)
#
# Needs: apt-get install -y llvm-19-dev libclang-19-dev clang-19 libzstd-dev cmake ninja-build git
set -eu
commit=69e20cccdaad0506b6788b274fc9762d36785ae6   # EnzymeAD/Enzyme, 2025-02-18
build=${1:-/tmp/enzyme-build}
mkdir -p "$build"
build=$(cd "$build" && pwd)
for f in /usr/lib/llvm-19/lib/cmake/llvm /usr/lib/llvm-19/lib/cmake/clang /usr/include/zstd.h; do
    [ -e "$f" ] || { echo "build.sh: missing $f: apt-get install -y llvm-19-dev libclang-19-dev clang-19 libzstd-dev" >&2; exit 2; }
done
src=${ENZYME_SRC:-$build/src}
if [ ! -e "$src/enzyme/CMakeLists.txt" ]; then
    git init -q "$src"
    git -C "$src" fetch -q --depth 1 https://github.com/EnzymeAD/Enzyme "$commit"
    git -C "$src" checkout -q FETCH_HEAD
fi
if [ -e "$src/.git" ] && [ "$(git -C "$src" rev-parse HEAD)" != "$commit" ]; then
    echo "build.sh: $src is not at commit $commit" >&2
    exit 2
fi
cmake -S "$src/enzyme" -B "$build/obj" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DLLVM_DIR=/usr/lib/llvm-19/lib/cmake/llvm -DClang_DIR=/usr/lib/llvm-19/lib/cmake/clang \
    > "$build/cmake.log" 2>&1 || { tail -20 "$build/cmake.log" >&2; exit 1; }
nice -n 19 ninja -C "$build/obj" -j "${JOBS:-2}" ClangEnzyme-19 > "$build/ninja.log" 2>&1 ||
    { tail -20 "$build/ninja.log" >&2; exit 1; }
echo "$build/obj/Enzyme/ClangEnzyme-19.so"
