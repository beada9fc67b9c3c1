use gen_core::prelude::*;

#[generator]
fn returns_a_number() -> u32 {
    r#yield!(1);
    2
}

fn main() {}
