#!/usr/bin/env bash
# msdk-explain against jq, on CPU time, in one run: the log of benches/explain.rs
# (`cargo xtask explain-log`: a timestamp, fields, the endpoint, the JSON; 60% failures),
# msdk-explain over the whole lines, jq over the JSON bodies alone (jq cannot skip the
# log prefix), both writing to /dev/null.
#
#     scripts/explain-vs-jq.sh [BYTES]        # default 43000000 (43 MB)
#     BASELINE=path/to/old/msdk-explain scripts/explain-vs-jq.sh
#                                             # also times an older build's per-line modes
#
# Needs jq (`apt-get install -y jq`) and /usr/bin/time (Debian's `time`). Each command
# runs five times and the mean user+system time counts (time measures in steps of 10 ms,
# a fifth of a --summary run). MB/s and lines/s are of the log; the ratio is jq's CPU
# time over the mode's.
set -euo pipefail
cd "$(dirname "$0")/.."
bytes=${1:-43000000}
for tool in jq /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 1; }
done

cargo build --quiet --release --features cli --bin msdk-explain
target=$(cargo metadata --format-version 1 --no-deps | jq -r .target_directory)
bin=$target/release/msdk-explain
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo -q xtask explain-log "$bytes" >"$work/log"
cargo -q xtask explain-log "$bytes" --bodies >"$work/bodies"
size=$(stat -c %s "$work/log")
lines=$(wc -l <"$work/log")

# The mean user+system seconds of five runs of "$@" < $input.
cpu() {
    local input=$1
    shift
    : >"$work/times"
    for _ in 1 2 3 4 5; do
        /usr/bin/time -f "%U %S" -a -o "$work/times" "$@" <"$input" >/dev/null 2>"$work/stderr" || true
    done
    awk '{ total += $1 + $2 } END { printf "%.3f", total / NR }' "$work/times"
}

jq_time=$(cpu "$work/bodies" jq -c '{ret,msg,err_type}')
printf 'log: %d bytes, %d lines; bodies for jq: %d bytes\n\n' "$size" "$lines" "$(stat -c %s "$work/bodies")"
printf '%-36s %8s %9s %12s %9s\n' command cpu_s MB/s lines/s "jq/this"
row() {
    local name=$1 t=$2
    awk -v n="$name" -v t="$t" -v s="$size" -v l="$lines" -v j="$jq_time" 'BEGIN {
        if (t <= 0) t = 0.001
        printf "%-36s %8.3f %9.1f %12.0f %8.1fx\n", n, t, s / t / 1e6, l / t, j / t }'
}
row "jq -c '{ret,msg,err_type}' (bodies)" "$jq_time"
row "msdk-explain --summary" "$(cpu "$work/log" "$bin" --summary)"
row "msdk-explain --summary --api auto" "$(cpu "$work/log" "$bin" --summary --api auto)"
row "msdk-explain --json" "$(cpu "$work/log" "$bin" --json)"
row "msdk-explain (text)" "$(cpu "$work/log" "$bin")"
if [[ -n ${BASELINE:-} ]]; then
    row "baseline --json" "$(cpu "$work/log" "$BASELINE" --json)"
    row "baseline (text)" "$(cpu "$work/log" "$BASELINE")"
fi
