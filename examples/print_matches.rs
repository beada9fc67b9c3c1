//! Seed 003 (notebook): `async_print_matches(lucas(), is_prime)` next to
//! `async_repetitive_message` with a real sleep.
//!
//! First with the blocking `is_prime`: one step checks one whole number, so while a big prime
//! is being checked the message task cannot run and its messages come late ("we will hang the
//! system"). Then with `async_is_prime`, a generator that yields between divisors
//! (`yield_from!(sleep(Duration::ZERO))`, the notebook's last version) and is called through
//! `yield_from!`: the message keeps its rhythm while the primes are found. The run stops when
//! the matches task has gone through the Lucas numbers below a bound (the notebook's ran until
//! interrupted); the message task is then dropped with the scheduler.
//!
//! Run with `cargo run --release --example print_matches`: about 1.5 s, as the second part
//! stops after a 1.5 s budget if it has not reached the last prime (a release build on an idle
//! machine gets there in ~1.3 s). Typical figures: the blocking run takes 60-90 ms and prints
//! the 20 ms message once (a gap of 3-4x the interval); the coroutine run prints it every
//! ~20 ms (longest gap ~25 ms) while finding the same primes.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::{Duration, Instant};

use gen_core::prelude::*;
use gen_core::scheduler::{Request, Scheduler, sleep};

/// The Lucas numbers below this bound are checked. The largest prime among them,
/// 688_846_502_588_399, needs about 26 million trial divisions.
const BOUND: u64 = 1_000_000_000_000_000;
const INTERVAL: Duration = Duration::from_millis(20);
const BUDGET: Duration = Duration::from_millis(1500);

#[generator]
fn lucas() -> impl Generator<Yield = u64, Return = ()> {
    r#yield!(2);
    let (mut a, mut b) = (2u64, 1u64);
    loop {
        r#yield!(b);
        (a, b) = (b, a + b);
    }
}

fn lucas_below(bound: u64) -> impl Iterator<Item = u64> {
    lucas().iter().take_while(move |x| *x < bound)
}

fn is_prime(x: u64) -> bool {
    if x < 2 {
        return false;
    }
    let mut i = 2;
    while i * i <= x {
        if x.is_multiple_of(i) {
            return false;
        }
        i += 1;
    }
    true
}

/// The notebook's first version: the predicate runs inside one step.
#[generator]
fn async_print_matches_blocking<I: Iterator<Item = u64>>(
    items: I,
    predicate: fn(u64) -> bool,
) -> impl Generator<Yield = (), Return = ()> {
    for item in items {
        if predicate(item) {
            println!("Found : {item}");
        }
        r#yield!(());
    }
}

/// `is_prime` as a coroutine: lets the others run between divisors.
#[generator]
fn async_is_prime(x: u64) -> impl Generator<Yield = Request, Return = bool> {
    if x < 2 {
        return false;
    }
    let mut i = 2;
    while i * i <= x {
        if x.is_multiple_of(i) {
            return false;
        }
        yield_from!(sleep(Duration::ZERO));
        i += 1;
    }
    true
}

/// The notebook's last version: the predicate is a coroutine, called with `yield_from!`.
#[generator]
fn async_print_matches<I: Iterator<Item = u64>>(
    items: I,
) -> impl Generator<Yield = Request, Return = ()> {
    for item in items {
        let matches = yield_from!(async_is_prime(item));
        if matches {
            println!("Found : {item}");
        }
    }
}

#[generator]
fn async_repetitive_message(
    message: &'static str,
    interval: Duration,
    printed: Rc<RefCell<Vec<Instant>>>,
) -> impl Generator<Yield = Request, Return = ()> {
    loop {
        println!("{message}");
        printed.borrow_mut().push(Instant::now());
        yield_from!(sleep(interval));
    }
}

/// The longest time between two messages, including the time from the last one to `end`.
fn longest_gap(printed: &[Instant], end: Instant) -> Duration {
    printed
        .iter()
        .zip(printed.iter().skip(1).chain([&end]))
        .map(|(a, b)| b.duration_since(*a))
        .max()
        .unwrap_or_default()
}

pub fn run() {
    println!("== blocking is_prime: the message task starves ==");
    let printed = Rc::new(RefCell::new(Vec::new()));
    let mut scheduler = Scheduler::new();
    scheduler.spawn(async_repetitive_message(
        "Come get dinner",
        INTERVAL,
        printed.clone(),
    ));
    let matches = scheduler.spawn(async_print_matches_blocking(lucas_below(BOUND), is_prime));
    let started = Instant::now();
    scheduler
        .run_until(&matches)
        .expect("nothing waits forever");
    let end = Instant::now();
    let blocking_gap = longest_gap(&printed.borrow(), end);
    println!(
        "took {:.2?}; messages: {}; longest gap between messages {:.2?} (interval {INTERVAL:?})",
        end - started,
        printed.borrow().len(),
        blocking_gap
    );
    drop(scheduler); // drops the endless message task

    println!();
    println!("== async_is_prime with yield_from!: the message keeps its rhythm ==");
    let printed = Rc::new(RefCell::new(Vec::new()));
    let mut scheduler = Scheduler::new();
    scheduler.spawn(async_repetitive_message(
        "Come Get Dinner Fam!",
        INTERVAL,
        printed.clone(),
    ));
    let matches = scheduler.spawn(async_print_matches(lucas_below(BOUND)));
    let started = Instant::now();
    // The notebook ran until interrupted; stop after a time budget (a debug build does not
    // reach the last prime in time) or when the matches task is done.
    while !matches.is_finished() && started.elapsed() < BUDGET {
        scheduler.run_steps(1).expect("nothing waits forever");
    }
    let end = Instant::now();
    if !matches.is_finished() {
        println!("(stopped after the {BUDGET:?} budget, like the notebook's KeyboardInterrupt)");
    }
    let async_gap = longest_gap(&printed.borrow(), end);
    println!(
        "took {:.2?}; messages: {}; longest gap between messages {:.2?} (interval {INTERVAL:?})",
        end - started,
        printed.borrow().len(),
        async_gap
    );
}

#[allow(dead_code)]
fn main() {
    run();
}
