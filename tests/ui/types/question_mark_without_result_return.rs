use gen_core::prelude::*;

#[generator]
fn question() -> impl Generator<Yield = u32, Return = u32> {
    let n: u32 = "1".parse()?;
    r#yield!(n);
    n
}

fn main() {}
