use gen_core::prelude::*;

#[allow(unused_macros)]
macro_rules! twice {
    ($e:expr) => {
        ($e, $e)
    };
}

#[generator]
fn in_macro() -> impl Generator<Yield = u32, Return = ()> {
    let _pair = twice!(r#yield!(1));
}

fn main() {}
