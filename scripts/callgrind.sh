#!/usr/bin/env bash
# Instructions per call of classification on the mixed stream of
# benches/callgrind_probe.rs, counted by valgrind's callgrind (repeatable: instructions,
# not seconds), beside the bare-match floor and the classifier written by hand.
#
#     scripts/callgrind.sh [rounds]        # default 100000 rounds of 8 calls
#
# Needs valgrind. Builds the probe like a release (the bench profile: LTO, one codegen
# unit), then counts only inside each mode's loop (--toggle-collect), loop included.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-100000}
probe=$(cargo bench --bench callgrind_probe --no-run --message-format=json 2>/dev/null |
    grep -o '"executable":"[^"]*callgrind_probe[^"]*"' | cut -d'"' -f4 | tail -1)
if [[ -z "$probe" ]]; then
    echo "could not build benches/callgrind_probe.rs" >&2
    exit 1
fi
calls=$((rounds * 8))
printf '%-12s %14s %12s\n' mode instructions per_call
for mode in crate decision classifier floor by_hand next_response next_failure driver driver_by_hand; do
    out=$(mktemp)
    valgrind --tool=callgrind --callgrind-out-file="$out" \
        --toggle-collect="*run_${mode}*" "$probe" "$mode" "$rounds" >/dev/null 2>&1
    total=$(grep -E '^(summary|totals):' "$out" | head -1 | awk '{print $2}')
    rm -f "$out"
    awk -v m="$mode" -v t="$total" -v c="$calls" 'BEGIN { printf "%-14s %14.0f %12.1f\n", m, t, t / c }'
done
