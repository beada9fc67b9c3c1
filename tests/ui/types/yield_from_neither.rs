use gen_core::prelude::*;

struct Opaque;

#[generator]
fn neither() -> impl Generator<Yield = u32, Return = ()> {
    yield_from!(Opaque);
}

fn main() {}
