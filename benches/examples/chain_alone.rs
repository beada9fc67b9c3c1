//! The bench's `yield_from!` chains of depth 1, 2, 4 and 16 over `counter`, timed in a small
//! binary that also drives `counter` on its own. A check beside the criterion bench: depth 1
//! compiles to the counter's own loop (the whole two-level state machine inlined into the
//! driver), and from depth 2 on an item costs one indirect call to the innermost delegate, so
//! depth 16 / depth 2 is the cost of depth itself (see BENCHMARKS.md).
//!
//! Run: `cargo run -p gen-benches --example chain_alone --release` (ns per item, best of 5).
#[path = "../common/workloads.rs"]
mod workloads;

use std::hint::black_box;
use std::time::Instant;

use gen_core::prelude::*;
use workloads::ours::{chain1, chain2, chain4, chain16, counter};

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
    println!("depth 2:       {:.2} ns/item", time(chain2));
    println!("depth 4:       {:.2} ns/item", time(chain4));
    println!("depth 16:      {:.2} ns/item", time(chain16));
}
