//! Seed 002 (`002_2bf285ad5dd207c2.txt`, "Deriving send"): David Beazley's `ActorScheduler`
//! with its `printer` and `counter` actors.
//!
//! The counter sends the next count to itself through the scheduler instead of calling
//! itself, so counting down from 1,000,001 needs no stack: Python's point about its recursion
//! limit (`sched.send('counter', 1001)`), here with a million.
//!
//! Run with `cargo run --example actors` (add `--release` and an argument to count from
//! further, e.g. `-- 10000000`).

use std::cell::Cell;
use std::rc::Rc;

use gen_core::actor::{ActorScheduler, Context};
use gen_core::prelude::*;

#[generator]
fn printer() -> impl Generator<u64, Yield = (), Return = ()> {
    loop {
        let msg = r#yield!(());
        println!("Got: {msg}");
    }
}

#[generator]
fn counter(sched: Context<u64>) -> impl Generator<u64, Yield = (), Return = ()> {
    loop {
        // Receive the current count
        let n = r#yield!(());
        if n == 0 {
            break;
        }
        // Send to the printer task
        sched.send("printer", n);
        // Send the next count to the counter task (queued, not recursive)
        sched.send("counter", n - 1);
    }
}

/// A printer that keeps quiet: it counts what it gets.
#[generator]
fn quiet_printer(seen: Rc<Cell<u64>>) -> impl Generator<u64, Yield = (), Return = ()> {
    loop {
        r#yield!(());
        seen.set(seen.get() + 1);
    }
}

pub fn run() -> Result<(), Box<dyn std::error::Error>> {
    // The seed's demo, counting from 10 instead of 100 to keep the output short.
    let mut sched = ActorScheduler::new();
    // Create the initial actors
    sched.spawn("printer", printer())?;
    sched.spawn_with("counter", |ctx, _me| counter(ctx))?;
    // Send an initial message to the counter to initiate
    sched.send("counter", 10);
    let stats = sched.run();
    println!("{stats:?}");

    // Far past any recursion limit.
    let from = match std::env::args().nth(1) {
        Some(arg) => arg.parse()?,
        None => 1_000_001,
    };
    let seen = Rc::new(Cell::new(0));
    let mut sched = ActorScheduler::new();
    sched.spawn("printer", quiet_printer(Rc::clone(&seen)))?;
    sched.spawn_with("counter", |ctx, _me| counter(ctx))?;
    sched.send("counter", from);
    let started = std::time::Instant::now();
    let stats = sched.run();
    let elapsed = started.elapsed();
    println!(
        "counted down from {from}: the printer got {} messages",
        seen.get()
    );
    println!("{stats:?}");
    println!(
        "{:.1} ns per message",
        elapsed.as_nanos() as f64 / stats.delivered as f64
    );
    Ok(())
}

#[allow(dead_code)]
fn main() -> Result<(), Box<dyn std::error::Error>> {
    run()
}
