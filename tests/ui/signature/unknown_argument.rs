use gen_core::prelude::*;

#[generator(fast)]
fn f() -> impl Generator<Yield = u32, Return = ()> {
    r#yield!(1);
}

fn main() {}
