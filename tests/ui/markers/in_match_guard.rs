use gen_core::prelude::*;

#[generator]
fn in_guard(x: Option<u32>) -> impl Generator<bool, Yield = u32, Return = ()> {
    match x {
        Some(n) if r#yield!(n) => {}
        _ => {}
    }
}

fn main() {}
