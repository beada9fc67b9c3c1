//! Seed 004 (asyncio producer/consumer): `generate_data` puts squares with a timestamp into
//! a queue and sleeps 0.5-1.5 "seconds" between items; `process_data` takes them, prints the
//! latency of each, and sleeps 0.5 "seconds". Then a second producer, so data arrives faster
//! than it is consumed. Time is scaled down 100x (a "second" is 10 ms) so the demo runs in
//! well under a second; the seed's 20 items per producer are kept.
//!
//! Run with `cargo run --example producer_consumer`. Typical output ends with
//! `one producer: took 19.8 s, sequentially 29.7 s` and
//! `two producers: took 20.4 s, sequentially 59.9 s` (in the seed's seconds): the waits
//! overlap, as in the seed's "took 20 seconds instead of 30".

use std::cell::Cell;
use std::rc::Rc;
use std::time::{Duration, Instant};

use gen_core::prelude::*;
use gen_core::scheduler::{Queue, Request, Scheduler, sleep};

/// One "second" of the seed.
const SECOND: Duration = Duration::from_millis(10);

/// A tiny deterministic generator of pseudo-random numbers in [0, 1) (xorshift), so the demo
/// needs no crate and runs the same every time.
struct Random(u64);

impl Random {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[generator]
fn generate_data(
    num: u64,
    data: Queue<(u64, Instant)>,
    seed: u64,
    slept: Rc<Cell<Duration>>,
) -> impl Generator<Yield = Request, Return = ()> {
    let mut random = Random(seed);
    for idx in 1..=num {
        let item = idx * idx;
        yield_from!(data.put((item, Instant::now())));
        println!(" -- generated item {idx}");
        let pause = SECOND.mul_f64(random.next() + 0.5);
        slept.set(slept.get() + pause);
        yield_from!(sleep(pause));
    }
}

#[generator]
fn process_data(
    num: u64,
    data: Queue<(u64, Instant)>,
    slept: Rc<Cell<Duration>>,
) -> impl Generator<Yield = Request, Return = ()> {
    let mut processed = 0;
    while processed < num {
        let (value, put_at) = yield_from!(data.get());
        processed += 1;
        let latency = put_at.elapsed().as_secs_f64() / SECOND.as_secs_f64();
        println!(" +++ Processed value {value} after {latency:.2} sec.");
        let pause = SECOND / 2;
        slept.set(slept.get() + pause);
        yield_from!(sleep(pause));
    }
}

/// Runs `producers` producers of 20 items and one consumer; returns (elapsed, sum of sleeps).
fn run_with(producers: u64) -> (Duration, Duration) {
    let data = Queue::unbounded();
    let slept = Rc::new(Cell::new(Duration::ZERO));
    let mut scheduler = Scheduler::new();
    for seed in 1..=producers {
        scheduler.spawn(generate_data(20, data.clone(), seed * 7919, slept.clone()));
    }
    scheduler.spawn(process_data(20 * producers, data, slept.clone()));
    let started = Instant::now();
    scheduler.run().expect("every item put is taken");
    (started.elapsed(), slept.get())
}

pub fn run() {
    // In the seed's seconds: elapsed / SECOND.
    let seed_seconds = |d: Duration| d.as_secs_f64() / SECOND.as_secs_f64();
    println!("== one producer ==");
    let (one, one_sequential) = run_with(1);
    println!();
    println!("== two producers ==");
    let (two, two_sequential) = run_with(2);
    println!();
    // Sequentially, every sleep would add up; here they overlap.
    for (what, took, sequential) in [
        ("one producer", one, one_sequential),
        ("two producers", two, two_sequential),
    ] {
        println!(
            "{what}: took {:.1} s, sequentially {:.1} s (seed seconds; {:.2?} real)",
            seed_seconds(took),
            seed_seconds(sequential),
            took
        );
    }
}

#[allow(dead_code)]
fn main() {
    run();
}
