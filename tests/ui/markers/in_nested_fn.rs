use gen_core::prelude::*;

#[generator]
fn outer() -> impl Generator<Yield = u32, Return = ()> {
    fn inner() {
        r#yield!(1);
    }
    inner();
}

fn main() {}
