use gen_core::prelude::*;

#[generator]
struct NotAFunction;

fn main() {}
