use gen_core::prelude::*;

#[generator]
fn in_pattern(x: Option<u32>) -> impl Generator<u32, Yield = u32, Return = ()> {
    if let Some(r#yield!(1)) = x {}
}

fn main() {}
