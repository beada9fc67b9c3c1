use gen_core::prelude::*;

#[generator]
fn iterates() -> impl Generator<Yield = u32, Return = ()> {
    let numbers: Vec<u32> = (0..3).collect();
    let mut it = numbers.iter();
    while let Some(n) = it.next() {
        r#yield!(*n);
    }
}

fn main() {}
