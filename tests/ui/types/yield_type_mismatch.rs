use gen_core::prelude::*;

#[generator]
fn mismatch() -> impl Generator<Yield = u32, Return = ()> {
    r#yield!("not a number");
}

fn main() {}
