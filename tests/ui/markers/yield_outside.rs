use gen_core::prelude::*;

fn not_a_generator() -> u32 {
    r#yield!(1);
    2
}

fn main() {}
