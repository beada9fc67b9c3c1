use gen_core::prelude::*;

fn not_a_generator() {
    yield_from!(0..3);
}

fn main() {}
