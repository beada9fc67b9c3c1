use gen_core::prelude::*;

#[generator]
fn no_yield_type() -> impl Generator<Return = ()> {
    r#yield!(1);
}

fn main() {}
