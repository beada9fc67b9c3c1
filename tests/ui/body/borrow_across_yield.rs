// A reference into a local kept across a suspension point would point into the generators
// own state, which moves: the borrow checker rejects it. Own the data, iterate by index, or
// move it into the loop (`for x in &v` over a Vec, slice, array or VecDeque is handled).
use gen_core::prelude::*;

#[generator]
fn borrows() -> impl Generator<Yield = u32, Return = ()> {
    let words = vec![String::from("a")];
    let first = &words[0];
    r#yield!(1);
    println!("{first}");
    drop(words);
}

fn main() {}
