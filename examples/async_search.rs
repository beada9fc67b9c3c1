//! Seed 003 (notebook): `lucas`, `async_search` returning the found item as its return value
//! (Python's `StopIteration: 11`), driven by hand and then by the scheduler with the
//! notebook's "Running task 1 ...now yielded" log; a search that finds nothing fails, like the
//! notebook's `raise ValueError("Not Found")`.
//!
//! Run with `cargo run --example async_search`.

use std::fmt;

use gen_core::prelude::*;
use gen_core::scheduler::{Event, Scheduler};

#[generator]
fn lucas() -> impl Generator<Yield = u64, Return = ()> {
    r#yield!(2);
    let (mut a, mut b) = (2u64, 1u64);
    loop {
        r#yield!(b);
        (a, b) = (b, a + b);
    }
}

#[derive(Debug)]
struct NotFound;

impl fmt::Display for NotFound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Not Found")
    }
}

/// Searches `items` for the first one `predicate` accepts, yielding between items.
#[generator]
fn async_search<I: Iterator<Item = u64>>(
    items: I,
    predicate: fn(u64) -> bool,
) -> impl Generator<Yield = (), Return = Result<u64, NotFound>> {
    for item in items {
        if predicate(item) {
            return Ok(item);
        }
        r#yield!(());
    }
    Err(NotFound)
}

fn digits(x: u64) -> usize {
    x.to_string().len()
}

pub fn run() {
    println!("{:?}", lucas().iter().take(10).collect::<Vec<_>>());

    // By hand: each `next` checks one item; the found item comes back as the return value.
    let mut g = async_search(lucas().iter(), |x| x >= 10);
    println!("generator created: nothing has run yet");
    for _ in 0..3 {
        println!("{:?}", g.advance());
    }
    println!("Hello Group!"); // other work before the generator is exhausted
    loop {
        match g.advance() {
            GeneratorState::Yielded(()) => println!("Yielded(())"),
            GeneratorState::Complete(found) => {
                println!("Complete({found:?})  <- Python's `StopIteration: 11`");
                break;
            }
        }
    }

    // Under the scheduler, with the notebook's log.
    let mut scheduler = Scheduler::new();
    scheduler.set_observer(|event| match event {
        Event::Running(_) => print!("{event}"),
        Event::Yielded(_) | Event::Completed { .. } | Event::Failed { .. } => println!("{event}"),
        _ => {}
    });
    let first = scheduler.spawn_fallible(async_search(lucas().iter(), |x| digits(x) >= 6));
    scheduler.run().expect("a search never waits");
    println!("{} returned {:?}", first.id(), first.take_result());

    // Two searches interleave; a third one over a finite list finds nothing and fails.
    let seven = scheduler.spawn_fallible(async_search(lucas().iter(), |x| digits(x) >= 7));
    let nine = scheduler.spawn_fallible(async_search(lucas().iter(), |x| digits(x) >= 9));
    let none = scheduler.spawn_fallible(async_search(lucas().iter().take(5), |x| x > 100));
    scheduler.run().expect("a search never waits");
    for (id, result) in [
        (seven.id(), seven.take_result()),
        (nine.id(), nine.take_result()),
    ] {
        println!("completed: {id} -> {result:?}");
    }
    println!("{} -> {:?}", none.id(), none.take_result());
    for (id, error) in scheduler.failures() {
        println!("failed: {id} -> {error}");
    }
}

#[allow(dead_code)]
fn main() {
    run();
}
