use gen_core::prelude::*;

#[generator]
fn plain() -> impl Generator<Yield = u32, Return = ()> {
    yield!(1);
}

fn main() {}
