//! Seed 001, "generators as restartable functions": `fib` as a list versus an infinite
//! generator. Calling the generator function runs nothing; the consumer decides when to stop
//! (here, after the first value above 10,000).

use gen_core::prelude::*;

/// The list version: the caller must guess how many numbers it needs.
fn fib_list(count: usize) -> Vec<u64> {
    let mut numbers = Vec::new();
    let (mut current, mut next) = (0, 1);
    while numbers.len() < count {
        (current, next) = (next, current + next);
        numbers.push(current);
    }
    numbers
}

/// The generator version: an infinite sequence, computed one number per step.
#[generator]
fn fib() -> impl Generator<Yield = u64, Return = ()> {
    println!("  (the body of fib starts running now)");
    let (mut current, mut next) = (0, 1);
    loop {
        (current, next) = (next, current + next);
        r#yield!(current);
    }
}

pub fn run() {
    println!("fib_list(10) = {:?}", fib_list(10));

    let numbers = fib();
    println!("fib() returned a generator; its body has not run yet");
    let mut shown = Vec::new();
    for n in numbers.iter() {
        shown.push(n.to_string());
        if n > 10_000 {
            break;
        }
    }
    println!("{}", shown.join(", "));
    println!("done: the consumer stopped pulling, so the generator stopped too");
}

#[allow(dead_code)]
fn main() {
    run();
}
