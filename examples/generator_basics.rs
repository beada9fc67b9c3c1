//! Seed 002, "Deriving asyncio": a generator's execution flow (prints before and after each
//! yield), running it to exhaustion, and `odd_till`. Python raises `StopIteration` when a
//! generator is exhausted; the Rust analogue is `GeneratorState::Complete(value)`, and calling
//! `resume` again after that panics, like calling `next` after `StopIteration` does nothing
//! useful.

use gen_core::prelude::*;

#[generator]
fn x() -> impl Generator<Yield = (), Return = ()> {
    println!("started");
    loop {
        println!("before yield");
        r#yield!(());
        println!("after yield");
    }
}

#[generator]
fn stop_points() -> impl Generator<Yield = u32, Return = ()> {
    println!("start");
    r#yield!(1);
    println!("after 1st yield");
    r#yield!(2);
    println!("after 2nd yield");
}

#[generator]
fn odd_till(number: u32) -> impl Generator<Yield = u32, Return = ()> {
    let mut n = 1;
    while n < number {
        r#yield!(n);
        n += 2;
    }
}

pub fn run() {
    println!("-- execution flow");
    let mut z = x();
    let _ = z.advance();
    println!("-- 2nd call");
    let _ = z.advance();

    println!("-- yield as stop points, driven by hand");
    let mut z = stop_points();
    let _ = z.advance();
    let _ = z.advance();
    // Python: the third next() raises StopIteration; here the step says Complete.
    println!("third step: {:?}", z.advance());

    println!("-- a for loop handles the end itself");
    for value in stop_points().iter() {
        println!("{value}");
    }

    println!("-- odd_till(10)");
    for odd_num in odd_till(10).iter() {
        println!("{odd_num}");
    }
}

#[allow(dead_code)]
fn main() {
    run();
}
