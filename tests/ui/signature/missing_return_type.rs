use gen_core::prelude::*;

#[generator]
fn nothing() {
    r#yield!(1);
}

fn main() {}
