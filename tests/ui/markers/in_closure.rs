use gen_core::prelude::*;

#[generator]
fn in_closure(items: Vec<u32>) -> impl Generator<Yield = u32, Return = ()> {
    items.iter().for_each(|&x| {
        r#yield!(x);
    });
}

fn main() {}
