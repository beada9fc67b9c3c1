// Code after a `return` never runs, but rustc type-checks it; so does the expansion.
use gen_core::prelude::*;

#[generator]
#[allow(unreachable_code)]
fn after_return() -> impl Generator<Yield = u32, Return = ()> {
    r#yield!(1);
    return;
    let n: u32 = "not a number";
    r#yield!(n);
}

fn main() {}
