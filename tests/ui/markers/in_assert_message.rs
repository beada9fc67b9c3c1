use gen_core::prelude::*;

#[generator]
fn in_message(n: u32) -> impl Generator<u32, Yield = u32, Return = ()> {
    assert_eq!(n, 1, "{}", r#yield!(n));
}

fn main() {}
