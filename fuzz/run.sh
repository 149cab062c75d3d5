#!/bin/sh
# run.sh [SECONDS] [OUT_DIR]: fuzzes adc for SECONDS (default 1800) with the harness built by
# build.sh in OUT_DIR (default /tmp/adc_fuzz). The seed corpus is copied at run time from the
# repository (tests/e2e/cases, tests/bad, tests/filecheck, samples) into OUT_DIR/seeds; new
# inputs go to OUT_DIR/corpus, crashers and timeouts to OUT_DIR/artifacts/, the log to
# OUT_DIR/fuzz.log. Timeout guard: -timeout=10 (an input running 10 s is reported as a hang);
# -fork=1 with -ignore_crashes/timeouts/ooms keeps fuzzing after a finding, for the whole time.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
secs=${1:-1800}
out=${2:-/tmp/adc_fuzz}
[ -x "$out/fuzz_adc" ] || "$here/build.sh" "$out"
mkdir -p "$out/seeds" "$out/corpus" "$out/artifacts"
for f in "$root"/tests/e2e/cases/*.c "$root"/tests/bad/*.c "$root"/tests/bad/*/*.c \
         "$root"/tests/filecheck/*.c "$root"/samples/*/*.c "$root"/samples/*/*/*.c; do
    [ -f "$f" ] || continue
    rel=${f#"$root"/}
    cp "$f" "$out/seeds/$(printf '%s' "$rel" | tr / _)"
done
cd "$out"
exec ./fuzz_adc -max_total_time="$secs" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -timeout=10 -rss_limit_mb=4096 \
    -max_len=65536 -close_fd_mask=3 -dict="$here/adc.dict" -artifact_prefix="$out/artifacts/" \
    -print_final_stats=1 corpus seeds >"$out/fuzz.log" 2>&1
