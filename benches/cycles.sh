#!/usr/bin/env bash
# CPU cycles and instructions per task switch, per actor message and per generator item
# (`perf stat`), for each contender of the scheduler and actor benchmarks and for hand-written
# and ours in the generator workloads: less sensitive to a loaded machine than criterion's
# wall time. Needs `perf`. Usage: benches/cycles.sh [runs per cell, default 3]
#
# A loop of one or two cycles per item can run at either of two speeds depending only on its
# address (measured: the same 8 or 9 instructions of `nested` at 1.35 or 1.98 cycles per
# item). So every cell is measured in two builds, the default one and one with every loop
# aligned to 64 bytes, and the ratio compares each contender's better build.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
cargo build -q --release -p gen-benches --example cycles
RUSTFLAGS="-C llvm-args=-align-loops=64" \
    cargo build -q --release -p gen-benches --example cycles --target-dir target/cycles-aligned
bins=(target/release/examples/cycles target/cycles-aligned/release/examples/cycles)
command -v perf >/dev/null || { echo "cycles.sh: perf is not installed" >&2; exit 1; }

# $1: the binary; the rest: its arguments. Prints "cycles instructions" per unit: the run
# with the fewest cycles of $runs.
measure() {
    local bin=$1 best="" units
    shift
    for _ in $(seq "$runs"); do
        local out
        out=$(perf stat -x, -e cycles,instructions "$bin" "$@" 2>&1 >/tmp/cycles.units.$$)
        units=$(cat /tmp/cycles.units.$$)
        local cycles instructions
        cycles=$(echo "$out" | awk -F, '$3 ~ /^cycles/ {print $1}')
        instructions=$(echo "$out" | awk -F, '$3 ~ /^instructions/ {print $1}')
        if [[ -z $best || $cycles -lt ${best%% *} ]]; then best="$cycles $instructions"; fi
    done
    rm -f /tmp/cycles.units.$$
    echo "$best $units" | awk '{printf "%.2f %.1f\n", $1 / $3, $2 / $3}'
}

# $2: the example's arguments before the contender, split on spaces.
table() {
    local title=$1 args=$2; shift 2
    echo "$title"
    echo "| contender | cycles / unit, default build | loops aligned | instructions / unit | better build vs limit's |"
    echo "|---|---:|---:|---:|---:|"
    local limit=""
    for variant in "$@"; do
        local cycles instructions aligned _
        # shellcheck disable=SC2086
        read -r cycles instructions < <(measure "${bins[0]}" $args "$variant")
        # shellcheck disable=SC2086
        read -r aligned _ < <(measure "${bins[1]}" $args "$variant")
        local better
        better=$(echo "$cycles $aligned" | awk '{print ($1 < $2) ? $1 : $2}')
        [[ -z $limit ]] && limit=$better
        echo "$variant $cycles $aligned $instructions $better $limit" |
            awk '{printf "| %s | %.2f | %.2f | %.1f | %.2fx |\n", $1, $2, $3, $4, $5 / $6}'
    done
    echo
}

# detached: #[generator] tasks spawned without handles (one allocation per task).
table "switch 1000x10000 (10M switches)" "switch 1000x10000" limit hand generator detached
table "switch 100000x100 (10M switches)" "switch 100000x100" limit hand generator detached
table "actors from 10000000 (20M messages)" "actors 10000000" limit boxed_floor addr name
# The generator bench's workloads and sizes, about 20M items each; the unit is one item.
# out_of_line: the hand-written counter resumed by a call that is not inlined, one call per
# item: the floor of a chain deeper than one level that resumes its innermost delegate
# through a call. at_position: the same counter inlined, reached at a run-time position.
# escaping: at_position, plus a slow path, not inlined, that sees the state.
table "counter(1024) x 20000" "generator counter 20000" hand ours out_of_line at_position escaping
# owned: counter keeping a String across its loop (a state with drop glue).
table "owned(1024) x 20000" "generator owned 20000" hand ours
table "nested(64) x 10000" "generator nested 10000" hand ours
# literal: grid written by hand as the source states it (i * n + j per item).
table "grid(64) x 5000" "generator grid 5000" hand ours literal
table "running_total(1024) x 20000" "generator running_total 20000" hand ours
table "fib(1000000) x 20" "generator fib 20" hand ours
table "yield_from depth 1, counter(1024) x 20000" "generator chain1 20000" hand ours
table "yield_from depth 4, counter(1024) x 20000" "generator chain4 20000" hand ours
table "yield_from depth 16, counter(1024) x 20000" "generator chain16 20000" hand ours
table "yield_from depth 1, counter(4) x 1000000" "generator short1 1000000" hand ours
table "yield_from depth 4, counter(4) x 1000000" "generator short4 1000000" hand ours
table "yield_from depth 16, counter(4) x 1000000" "generator short16 1000000" hand ours
