#!/usr/bin/env bash
# Compile time and code size of a crate with N small generators (default 500), per approach:
# hand-written (baseline for code size), ours (#[generator]), diapause 0.2, genawaiter 0.99 (rc).
#
# For each approach it generates a binary crate under target/compile-time/<approach>/
# (delegating-<approach>/ for the delegating kind) whose main drives every generator once,
# then, each in its own clean target dir:
#   clean    wall seconds of `cargo build --release` from nothing (dependencies included)
#   crate    wall seconds of rebuilding only the generated crate after `touch src/main.rs`
#            (release), i.e. the cost of the 500 generators themselves; minimum of 3
#   spread   the same, with the generators driven from 16 functions in 16 modules instead of
#            all from `main`: rustc splits a crate into codegen units by module, and code
#            inlined into its caller is compiled in the caller's unit, so this layout lets
#            LLVM work on both cores (see BENCHMARKS.md); minimum of 3
#   check    wall seconds of `cargo check` of only the generated crate (debug, after a
#            dependency-warming check), what an IDE/edit loop pays; minimum of 3
#   debug    wall seconds of a debug (`cargo build`) rebuild of only the generated crate, after
#            a dependency-warming build: what `cargo run` / `cargo test` pay; minimum of 3
#   text     .text bytes of the release binary (`size`), and the stripped file size
#
# With `delegating` as the second argument, each generator instead delegates to a counter every
# third item (`yield_from!`, diapause's `yield_all!`), ours and diapause only.
# Usage: benches/compile_time.sh [N] [plain|delegating]   (takes several minutes on 2 vCPUs)
set -euo pipefail
N="${1:-500}"
KIND="${2:-plain}"
case "$KIND" in
    plain) approaches=(hand ours diapause genawaiter) ;;
    delegating) approaches=(ours diapause) ;;
    *) echo "compile_time.sh: unknown kind '$KIND' (plain or delegating)" >&2; exit 2 ;;
esac
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$root/target/compile-time"
mkdir -p "$out"
export CARGO_INCREMENTAL=0
# shellcheck source=generated_crates.sh
source "$here/generated_crates.sh"

# The crate's directory: `ours`, or `delegating-ours`.
crate_dir() {
    if [[ $KIND == plain ]]; then echo "$out/$1"; else echo "$out/$KIND-$1"; fi
}

gen_crate() {
    local approach="$1" dir
    dir=$(crate_dir "$1")
    rm -rf "$dir"
    mkdir -p "$dir/src"
    write_manifest "$dir" "ct-$approach" "$approach" "
[profile.release]
codegen-units = 16"
    {
        echo "#![allow(clippy::all)]"
        case "$approach" in
            ours) echo "use gen_core::prelude::*;" ;;
            diapause) echo "use diapause::{Coroutine, CoroutineState};" ;;
            genawaiter) echo "use genawaiter::{GeneratorState, rc::Gen};" ;;
        esac
        # What every third item adds to the accumulator: the item, or what a delegation to
        # the counter `leaf` returns.
        local add_ours="acc += i;" add_diapause="acc += i;"
        if [[ $KIND == delegating ]]; then
            leaf_generator "$approach"
            add_ours="acc += yield_from!(leaf(i));"
            add_diapause="let r: u64 = yield_all!(leaf(i)); acc += r;"
        fi
        for ((k = 0; k < N; k++)); do
            case "$approach" in
                ours) cat <<RS
#[generator]
fn g$k(n: u64) -> impl Generator<Yield = u64, Return = u64> {
    let mut acc = ${k}u64;
    for i in 0..n {
        if i % 3 == 0 {
            $add_ours
        }
        r#yield!(acc ^ i);
    }
    acc
}
RS
                ;;
                diapause) cat <<RS
#[diapause::coroutine(yield = u64)]
fn g$k(n: u64) -> u64 {
    let mut acc: u64 = ${k}u64;
    for i in 0u64..n {
        if i % 3 == 0 {
            $add_diapause
        }
        yield_!(acc ^ i);
    }
    acc
}
RS
                ;;
                genawaiter) cat <<RS
fn g$k(n: u64) -> Gen<u64, (), impl std::future::Future<Output = u64>> {
    Gen::new(move |co| async move {
        let mut acc = ${k}u64;
        for i in 0..n {
            if i % 3 == 0 {
                acc += i;
            }
            co.yield_(acc ^ i).await;
        }
        acc
    })
}
RS
                ;;
                hand) cat <<RS
struct G$k { acc: u64, i: u64, n: u64 }
fn g$k(n: u64) -> G$k { G$k { acc: ${k}u64, i: 0, n } }
impl G$k {
    fn step(&mut self) -> Result<u64, u64> {
        if self.i < self.n {
            let i = self.i;
            self.i += 1;
            if i % 3 == 0 {
                self.acc += i;
            }
            Ok(self.acc ^ i)
        } else {
            Err(self.acc)
        }
    }
}
RS
                ;;
            esac
        done
    } >"$dir/generators.part"
    for ((k = 0; k < N; k++)); do
        case "$approach" in
            ours) echo "    { let mut g = g$k(n); let mut s = g.start(); loop { match s { GeneratorState::Yielded(v) => total = total.wrapping_add(v), GeneratorState::Complete(r) => { total = total.wrapping_add(r); break; } } s = g.resume(()); } }" ;;
            diapause) echo "    { let mut g = g$k(n); let mut s = g.start(); loop { match s { CoroutineState::Yielded(v) => total = total.wrapping_add(v), CoroutineState::Complete(r) => { total = total.wrapping_add(r); break; } } s = g.resume(()); } }" ;;
            genawaiter) echo "    { let mut g = g$k(n); loop { match g.resume() { GeneratorState::Yielded(v) => total = total.wrapping_add(v), GeneratorState::Complete(r) => { total = total.wrapping_add(r); break; } } } }" ;;
            hand) echo "    { let mut g = g$k(n); loop { match g.step() { Ok(v) => total = total.wrapping_add(v), Err(r) => { total = total.wrapping_add(r); break; } } } }" ;;
        esac
    done >"$dir/drives.part"
    write_main "$dir" one
}

# The counter that the delegating crate's generators delegate to.
leaf_generator() {
    case "$1" in
        ours) cat <<RS
#[generator]
fn leaf(n: u64) -> impl Generator<Yield = u64, Return = u64> {
    for i in 0..n {
        r#yield!(i);
    }
    n
}
RS
            ;;
        diapause) cat <<RS
#[diapause::coroutine(yield = u64)]
fn leaf(n: u64) -> u64 {
    for i in 0u64..n {
        yield_!(i);
    }
    n
}
RS
            ;;
    esac
}

DRIVERS=16

# Writes $1/src/main.rs: the generators, then what drives each once to its end, either all
# in `main` ($2 = one) or split round-robin over $DRIVERS functions in modules of their own
# ($2 = spread).
write_main() {
    local dir=$1 layout=$2
    {
        cat "$dir/generators.part"
        if [[ $layout == spread ]]; then
            for ((j = 0; j < DRIVERS; j++)); do
                echo "mod d$j {"
                echo "    use super::*;"
                echo "    #[inline(never)]"
                echo "    pub fn run(n: u64) -> u64 {"
                echo "        let mut total = 0u64;"
                awk -v j="$j" -v d="$DRIVERS" '(NR - 1) % d == j' "$dir/drives.part"
                echo "        total"
                echo "    }"
                echo "}"
            done
        fi
        echo "fn main() {"
        echo "    let n = std::env::args().count() as u64 * 10;"
        echo "    let mut total = 0u64;"
        if [[ $layout == spread ]]; then
            for ((j = 0; j < DRIVERS; j++)); do
                echo "    total = total.wrapping_add(d$j::run(n));"
            done
        else
            cat "$dir/drives.part"
        fi
        echo "    println!(\"{total}\");"
        echo "}"
    } >"$dir/src/main.rs"
}

# The minimum wall seconds of 3 runs of a command (the machine is shared and noisy), after
# `touch src/main.rs`: rebuilds of the crate alone.
min_of_3() {
    local best=999999 t
    for _ in 1 2 3; do
        touch src/main.rs
        t=$(secs "$@") || return 1
        best=$(echo "$best $t" | awk '{print ($2 < $1) ? $2 : $1}')
    done
    echo "$best"
}

printf "%-11s %8s %8s %8s %8s %8s %10s %10s\n" approach clean_s crate_s spread_s check_s debug_s text_B stripped_B
for approach in "${approaches[@]}"; do
    gen_crate "$approach"
    dir=$(crate_dir "$approach")
    log="$dir/build.log"
    : >"$log"
    cd "$dir"
    export CARGO_TARGET_DIR="$dir/target"
    clean=$(secs cargo build --release)
    crate=$(min_of_3 cargo build --release)
    cargo check >>"$log" 2>&1
    check=$(min_of_3 cargo check)
    cargo build >>"$log" 2>&1
    debug=$(min_of_3 cargo build)
    bin="$dir/target/release/ct-$approach"
    total=$("$bin")
    text=$(size -A "$bin" | awk '$1 == ".text" {print $2}')
    strip -o "$dir/stripped" "$bin"
    stripped=$(stat -c %s "$dir/stripped")
    write_main "$dir" spread
    spread=$(min_of_3 cargo build --release)
    # The same program either way.
    [[ $("$bin") == "$total" ]] || { echo "compile_time.sh: $approach: layouts disagree" >&2; exit 1; }
    # Left as generated, so that the crate in target/ is the one the other columns measured.
    write_main "$dir" one
    printf "%-11s %8s %8s %8s %8s %8s %10s %10s\n" "$approach" "$clean" "$crate" "$spread" "$check" "$debug" "$text" "$stripped"
done
