#!/usr/bin/env bash
# The long run: COUNT programs from SEED, compiled and checked BATCH at a time (release mode).
#
#   difftest/long-run.sh SEED COUNT [BATCH] [FIRST]
#
# A batch whose generated code fails to compile is retried without the programs the errors
# point at; those are listed as compile failures (each one is a bug of the macro, or of the
# generator: render it with `cargo run -p difftest --bin difftest-render -- SEED INDEX`).
# A divergence prints the seed, the index and the program, and the run goes on. Summary at
# the end; the log of every batch is kept in target/difftest-logs/.
set -u
seed=${1:?seed}
count=${2:?count}
batch=${3:-100}
first=${4:-0}
cd "$(dirname "$0")/.."
logs=target/difftest-logs
mkdir -p "$logs"
ran=0; diverged=0; compile_failures=(); bad_batches=0
for ((start = first; start < first + count; start += batch)); do
    n=$(( first + count - start < batch ? first + count - start : batch ))
    skip=""
    for attempt in 1 2 3 4 5 6; do
        log="$logs/seed$seed-$start.log"; [ -f "$log" ] && mv "$log" "$log.failed$attempt"
        DIFFTEST_SEED=$seed DIFFTEST_FIRST=$start DIFFTEST_COUNT=$n DIFFTEST_SKIP=$skip \
            cargo test -q --release -p difftest --test difftest -- --nocapture >"$log" 2>&1
        status=$?
        # Not anchored: the harness's progress dot may precede the summary on its line.
        if grep -q "difftest: [0-9]* programs" "$log"; then
            break
        fi
        # Did not compile: map the error lines to programs.
        gen=$(ls -t target/release/build/difftest-*/out/generated.rs | head -1)
        lines=$(grep -oE "generated.rs:[0-9]+" "$log" | cut -d: -f2 | sort -un)
        new=""
        for l in $lines; do
            idx=$(head -n "$((l + 1))" "$gen" | grep -oE "^pub fn p[0-9]+_" | tail -1 | grep -oE "[0-9]+")
            [ -n "$idx" ] && new="$new $idx"
        done
        new=$(echo $new | tr ' ' '\n' | grep -v '^$' | sort -un | tr '\n' ' ')
        if [ -z "$new" ]; then
            echo "batch $start: build failed without a program to blame (see $log)"
            bad_batches=$((bad_batches + 1))
            break
        fi
        for i in $new; do compile_failures+=("$i"); done
        skip=$(echo "$skip $new" | tr ' ' '\n' | grep -v '^$' | sort -un | paste -sd, -)
        echo "batch $start: compile failure in program(s) $new; retrying without them"
    done
    if line=$(grep -o "difftest: [0-9]* programs.*" "$log"); then
        echo "$line"
        r=$(echo "$line" | sed -E 's/^difftest: ([0-9]+) programs.*/\1/')
        d=$(echo "$line" | sed -E "s/.*\\), ([0-9]+) divergences.*/\\1/")
        ran=$((ran + r)); diverged=$((diverged + d))
        if [ "$d" != 0 ]; then grep -A200 "^DIVERGENCE" "$log" | head -400; fi
    fi
done
echo "long run seed $seed: $ran programs compared, $diverged divergences, ${#compile_failures[@]} compile failures (${compile_failures[*]:-none}), $bad_batches unexplained build failures"
