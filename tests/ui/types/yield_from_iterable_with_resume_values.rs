use gen_core::prelude::*;

#[generator]
fn sends(_: u8) -> impl Generator<String, Yield = u32, Return = ()> {
    yield_from!(0..3u32);
}

fn main() {}
