use gen_core::prelude::*;

#[generator]
fn shadowing() -> impl Generator<Yield = String, Return = ()> {
    let x = String::from("outer");
    {
        let x = x.len();
        r#yield!(x.to_string());
    }
    r#yield!(x);
}

fn main() {}
