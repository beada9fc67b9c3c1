use gen_core::prelude::*;

#[generator]
fn in_const() -> impl Generator<Yield = u32, Return = ()> {
    let _x = const { r#yield!(1) };
}

fn main() {}
