use gen_core::prelude::*;

#[generator]
fn in_async() -> impl Generator<Yield = u32, Return = ()> {
    let _future = async {
        r#yield!(1);
    };
}

fn main() {}
