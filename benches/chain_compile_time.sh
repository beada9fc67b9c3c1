#!/usr/bin/env bash
# Compile time of one `yield_from!` chain as its depth grows, ours vs diapause 0.2.
#
# For each approach and depth d it generates a binary crate under
# target/compile-time/chain-<approach>/ with d + 1 distinct generator functions: a counter
# `l0`, and `l{k}` delegating to `l{k-1}` and returning its value plus one; main drains `l{d}`.
# It prints the wall seconds of rebuilding only that crate (`touch src/main.rs`), in release
# and with `cargo check`, after a first build of the dependencies. The 500-generator crate of
# `compile_time.sh` has no delegation; this one has nothing else.
# Usage: benches/chain_compile_time.sh [depth...]   (default 8 16 20 22 24; each step past 20
#        roughly doubles our time)
set -euo pipefail
depths=("$@")
[ ${#depths[@]} -gt 0 ] || depths=(8 16 20 22 24)
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$root/target/compile-time"
export CARGO_INCREMENTAL=0
# shellcheck source=generated_crates.sh
source "$here/generated_crates.sh"

gen_crate() { # approach depth
    local approach="$1" d="$2" dir="$out/chain-$1"
    mkdir -p "$dir/src"
    write_manifest "$dir" "chain-$approach" "$approach"
    {
        case "$approach" in
            ours)
                echo "use gen_core::prelude::*;"
                echo "#[generator] fn l0(n: u64) -> impl Generator<Yield = u64, Return = u64> { for i in 0..n { r#yield!(i); } n }"
                for ((k = 1; k <= d; k++)); do
                    echo "#[generator] fn l$k(n: u64) -> impl Generator<Yield = u64, Return = u64> { let r = yield_from!(l$((k - 1))(n)); r + 1 }"
                done
                echo "fn main() { let mut g = l$d(std::env::args().count() as u64 * 10); let mut s = g.start(); let mut t = 0; while let GeneratorState::Yielded(v) = s { t += v; s = g.resume(()); } println!(\"{t} {s:?}\"); }"
                ;;
            diapause)
                echo "use diapause::{Coroutine, CoroutineState};"
                echo "#[diapause::coroutine(yield = u64)] fn l0(n: u64) -> u64 { for i in 0u64..n { yield_!(i); } n }"
                for ((k = 1; k <= d; k++)); do
                    echo "#[diapause::coroutine(yield = u64)] fn l$k(n: u64) -> u64 { let r: u64 = yield_all!(l$((k - 1))(n)); r + 1 }"
                done
                echo "fn main() { let mut g = l$d(std::env::args().count() as u64 * 10); let mut s = g.start(); let mut t = 0; while let CoroutineState::Yielded(v) = s { t += v; s = g.resume(()); } println!(\"{t} {s:?}\"); }"
                ;;
        esac
    } >"$dir/src/main.rs"
}

printf "%-9s %6s %10s %8s\n" approach depth release_s check_s
for approach in ours diapause; do
    dir="$out/chain-$approach"
    log="$dir/build.log"
    export CARGO_TARGET_DIR="$dir/target"
    for d in "${depths[@]}"; do
        gen_crate "$approach" "$d"
        : >"$log"
        cd "$dir"
        # Dependencies first, so that the timed builds are the crate's alone.
        cargo build --release >>"$log" 2>&1
        cargo check >>"$log" 2>&1
        touch src/main.rs
        release=$(secs cargo build --release)
        touch src/main.rs
        check=$(secs cargo check)
        "$dir/target/release/chain-$approach" >/dev/null
        printf "%-9s %6s %10s %8s\n" "$approach" "$d" "$release" "$check"
    done
done
