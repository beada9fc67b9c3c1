//! Seed 003: `lucas()`, an infinite generator like `fib`, sliced with `take` and `skip`, the
//! Rust spelling of `itertools.islice`.

use gen_core::prelude::*;

#[generator]
fn lucas() -> impl Generator<Yield = u64, Return = ()> {
    r#yield!(2);
    let (mut a, mut b) = (2u64, 1u64);
    loop {
        r#yield!(b);
        (a, b) = (b, a + b);
    }
}

pub fn run() {
    // list(islice(lucas(), 10))
    let first: Vec<u64> = lucas().iter().take(10).collect();
    println!("{first:?}");
    // list(islice(lucas(), 5, 10))
    let middle: Vec<u64> = lucas().iter().skip(5).take(5).collect();
    println!("{middle:?}");
    // search(lucas(), lambda x: len(str(x)) >= 6)
    let found = lucas().iter().find(|x| x.to_string().len() >= 6);
    println!("first with six digits: {found:?}");
}

#[allow(dead_code)]
fn main() {
    run();
}
