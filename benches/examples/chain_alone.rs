//! `yield_from!` chains of depth 1, 4 and 16 over `counter`, timed in a small binary that also
//! drives `counter` on its own, as most programs that delegate to a generator also use it
//! directly. A rough check beside the criterion bench, whose depth-1 cell depends on whether
//! LLVM inlines the whole two-level state machine into the bench loop (see BENCHMARKS.md):
//! here it does not, before or after direct delegation.
//!
//! Run: `cargo run -p gen-benches --example chain_alone --release` (ns per item, best of 5).
use std::hint::black_box;
use std::time::Instant;

use gen_core::prelude::*;

#[generator]
fn counter(n: u64) -> impl Generator<Yield = u64, Return = u64> {
    for i in 0..n {
        r#yield!(i);
    }
    n
}

macro_rules! level {
    ($($name:ident => $inner:ident),* $(,)?) => {$(
        #[generator]
        fn $name(n: u64) -> impl Generator<Yield = u64, Return = u64> {
            let r = yield_from!($inner(n));
            r + 1
        }
    )*};
}

level!(
    chain1 => counter, chain2 => chain1, chain3 => chain2, chain4 => chain3,
    chain5 => chain4, chain6 => chain5, chain7 => chain6, chain8 => chain7,
    chain9 => chain8, chain10 => chain9, chain11 => chain10, chain12 => chain11,
    chain13 => chain12, chain14 => chain13, chain15 => chain14, chain16 => chain15,
);

fn drive<G: Generator<Yield = u64, Return = u64>>(mut g: G) -> u64 {
    let mut sum = 0u64;
    let mut step = g.start();
    loop {
        match step {
            GeneratorState::Yielded(v) => sum = sum.wrapping_add(black_box(v)),
            GeneratorState::Complete(r) => return sum.wrapping_add(r),
        }
        step = g.resume(());
    }
}

const N: u64 = 1024;
const ROUNDS: u32 = 20_000;

fn time<G: Generator<Yield = u64, Return = u64>>(make: impl Fn(u64) -> G) -> f64 {
    (0..5)
        .map(|_| {
            let start = Instant::now();
            let mut total = 0u64;
            for _ in 0..ROUNDS {
                total = total.wrapping_add(drive(make(black_box(N))));
            }
            black_box(total);
            start.elapsed().as_nanos() as f64 / (f64::from(ROUNDS) * N as f64)
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    println!("counter alone: {:.2} ns/item", time(counter));
    println!("depth 1:       {:.2} ns/item", time(chain1));
    println!("depth 4:       {:.2} ns/item", time(chain4));
    println!("depth 16:      {:.2} ns/item", time(chain16));
}
