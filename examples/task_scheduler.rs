//! Seed 002 ("Deriving asyncio" slides): `odd_till` / `even_till` with prints, run by the
//! deque-based `TaskScheduler`. Output, line for line as in the slides:
//!
//! ```text
//! 5 odd_till - 1
//! 4 even_till - 2
//! 6 odd_till - 1
//! 5 odd_till - 3
//! 6 odd_till - 3
//! 6 odd_till - 5
//! ```
//!
//! Run with `cargo run --example task_scheduler`.

use gen_core::prelude::*;
use gen_core::scheduler::{Scheduler, ignore_yields};

#[generator]
fn odd_till(number: u32) -> impl Generator<Yield = u32, Return = ()> {
    let mut n = 1;
    while n < number {
        println!("{number} odd_till - {n}");
        r#yield!(n);
        n += 2;
    }
}

#[generator]
fn even_till(number: u32) -> impl Generator<Yield = u32, Return = ()> {
    let mut n = 2;
    while n < number {
        println!("{number} even_till - {n}");
        r#yield!(n);
        n += 2;
    }
}

pub fn run() {
    // The slides' scheduler ignores what `next(task)` returns: so does `ignore_yields`. Its
    // `add_task` returns nothing to join on: neither does `spawn_detached`.
    let mut scheduler = Scheduler::new();
    scheduler.spawn_detached(ignore_yields(odd_till(5)));
    scheduler.spawn_detached(ignore_yields(even_till(4)));
    scheduler.spawn_detached(ignore_yields(odd_till(6)));
    scheduler.run().expect("these tasks never wait on anything");
}

#[allow(dead_code)]
fn main() {
    run();
}
