//! A generator whose step is not in place (it copies its buffer by value), at three state
//! sizes: what `gen_core::__private::MOVED_STATE_MAX` was chosen by. A small state without
//! drop glue runs its step on a copy taken out of the generator, with no unwind guard; a larger
//! one keeps the guard, since the copy out and back is two more moves of the whole state.
//!
//! Run: `cargo run -p gen-benches --example moved_state --release` (ns per item, best of 5).
use std::hint::black_box;
use std::time::Instant;

use gen_core::prelude::*;

macro_rules! copying {
    ($($name:ident: $words:literal),*) => {$(
        #[generator]
        fn $name(n: u64) -> impl Generator<Yield = u64, Return = u64> {
            let mut buf = [0u64; $words];
            for i in 0..n {
                buf[(i % $words) as usize] += i;
                // A use by value: the resume arm moves the state out and back.
                let copy = buf;
                r#yield!(copy[((i + 1) % $words) as usize]);
            }
            buf[0]
        }
    )*};
}

copying!(two_words: 2, four_words: 4, thirty_two_words: 32);

fn time<G: Generator<Yield = u64, Return = u64>>(make: impl Fn(u64) -> G) -> (f64, usize) {
    const N: u64 = 1024;
    const ROUNDS: u32 = 20_000;
    let size = std::mem::size_of_val(&make(1));
    let best = (0..5)
        .map(|_| {
            let start = Instant::now();
            let mut total = 0u64;
            for _ in 0..ROUNDS {
                let mut g = make(black_box(N));
                let mut step = g.start();
                loop {
                    match step {
                        GeneratorState::Yielded(v) => total = total.wrapping_add(black_box(v)),
                        GeneratorState::Complete(r) => {
                            total = total.wrapping_add(r);
                            break;
                        }
                    }
                    step = g.resume(());
                }
            }
            black_box(total);
            start.elapsed().as_nanos() as f64 / (f64::from(ROUNDS) * N as f64)
        })
        .fold(f64::INFINITY, f64::min);
    (best, size)
}

fn main() {
    for (name, (ns, bytes)) in [
        ("[u64; 2]", time(two_words)),
        ("[u64; 4]", time(four_words)),
        ("[u64; 32]", time(thirty_two_words)),
    ] {
        println!("{name:>10}: {bytes:>3}-byte state, {ns:.2} ns/item");
    }
}
