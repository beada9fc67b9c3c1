use gen_core::prelude::*;

#[generator]
fn arrays() -> impl Generator<Yield = Box<[u8; 2]>, Return = ()> {
    r#yield!(Box::new([1, 2]));
}

// The delegate yields `Box<[u8; 2]>`, the generator `Box<[u8]>`: `yield_from!` passes values on
// as they are, without the unsizing coercion `r#yield!` would apply (a shorter lifetime is fine).
#[generator]
fn slices() -> impl Generator<Yield = Box<[u8]>, Return = ()> {
    yield_from!(arrays());
}

fn main() {}
