use gen_core::prelude::*;

// The suspension point `yield_from!` lowers to is not for user code.
#[generator]
fn internal() -> impl Generator<Yield = u32, Return = ()> {
    let inner = 0..3;
    let _entry = __delegated_yield!(1, inner);
}

fn main() {}
