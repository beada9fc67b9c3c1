//! Seed 002, `send`: `times2` receives a value through `send` and yields it doubled. As in
//! Python, a generator is started without a value (`start()`, Python's first `next(z)`), and
//! each `send` answers the `yield` it is suspended at.

use gen_core::prelude::*;

#[generator]
fn times2() -> impl Generator<i32, Yield = Option<i32>, Return = ()> {
    loop {
        let val = r#yield!(None);
        r#yield!(Some(val * 2));
    }
}

pub fn run() {
    let mut z = times2();
    let _ = z.start(); // next(z)
    for value in 1..=3 {
        if let GeneratorState::Yielded(Some(doubled)) = z.send(value) {
            println!("{doubled}"); // print(z.send(value))
        }
        let _ = z.send(0); // next(z): back to the `val = yield` line
    }
}

#[allow(dead_code)]
fn main() {
    run();
}
