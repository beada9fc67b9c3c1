use gen_core::prelude::*;

#[generator]
fn in_unsafe() -> impl Generator<Yield = u32, Return = ()> {
    unsafe {
        r#yield!(1);
    }
}

fn main() {}
