//! Seed 000 (an async `map` from a generator): `async_map` stepped by hand, the `runner` that
//! drives one generator to its return value, then a `Scheduler` interleaving two `async_map`
//! tasks and keeping each task's result by id.
//!
//! Run with `cargo run --example async_map`. The scheduler part prints:
//!
//! ```text
//! Running task 1
//! Running task 2
//! Running task 1
//! Running task 2
//! Running task 1
//! Running task 2
//! Running task 1
//! task 1 done: [2, 3, 4]
//! Running task 2
//! Running task 2
//! Running task 2
//! task 2 done: [0, 3, 6, 9, 12]
//! results: task 1 -> [2, 3, 4], task 2 -> [0, 3, 6, 9, 12]
//! ```

use gen_core::prelude::*;
use gen_core::scheduler::{Event, Scheduler};

#[generator]
fn async_map(f: fn(i32) -> i32, xs: Vec<i32>) -> impl Generator<Yield = (), Return = Vec<i32>> {
    let mut result = Vec::new();
    for x in xs {
        result.push(f(x));
        // Give something else the chance to run.
        r#yield!(());
    }
    result
}

/// The seed's `runner`: call `next` until `StopIteration`, return its value.
fn runner<G: Generator<Yield = ()>>(mut generator: G) -> G::Return {
    loop {
        if let GeneratorState::Complete(value) = generator.resume(()) {
            return value;
        }
    }
}

pub fn run() {
    // Calling next by hand: each step does one item, and the end carries the result.
    let mut g = async_map(|x| x + 2, vec![0, 1, 2]);
    println!("{:?}", g.advance());
    println!("{:?}", g.advance());
    println!("5 + 7 = {} (other work between the steps)", 5 + 7);
    println!("{:?}", g.advance());
    println!("{:?}", g.advance());

    println!("runner: {:?}", runner(async_map(|x| x + 2, vec![0, 1, 2])));

    let mut scheduler = Scheduler::new();
    scheduler.set_observer(|event| match event {
        Event::Running(id) => println!("Running {id}"),
        Event::Completed {
            id,
            result: Some(result),
        } => println!("{id} done: {result:?}"),
        _ => {}
    });
    let g1 = scheduler.spawn(async_map(|x| x + 2, vec![0, 1, 2]));
    let g2 = scheduler.spawn(async_map(|x| x * 3, vec![0, 1, 2, 3, 4]));
    scheduler.run().expect("these tasks never wait on anything");

    // The seed's `scheduler.results`: a result per task id, typed.
    let (r1, r2) = (g1.take_result(), g2.take_result());
    match (r1, r2) {
        (Some(Ok(r1)), Some(Ok(r2))) => {
            println!("results: {} -> {r1:?}, {} -> {r2:?}", g1.id(), g2.id())
        }
        other => println!("unexpected: {other:?}"),
    }
}

#[allow(dead_code)]
fn main() {
    run();
}
