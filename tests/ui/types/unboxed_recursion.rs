use gen_core::prelude::*;

#[generator]
fn countdown(n: u32) -> impl Generator<Yield = u32, Return = ()> {
    if n > 0 {
        r#yield!(n);
        yield_from!(countdown(n - 1));
    }
}

fn main() {}
