use gen_core::prelude::*;

#[generator]
async fn asynchronous() -> impl Generator<Yield = u32, Return = ()> {
    r#yield!(1);
}

fn main() {}
