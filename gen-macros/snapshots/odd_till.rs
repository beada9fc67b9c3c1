// A `while` loop: the resume arm runs the rest of the iteration, then the loop as written.
fn odd_till(number: u32) -> impl Generator<Yield = u32, Return = ()> {
    let mut n = 1;
    while n < number {
        r#yield!(n);
        n += 2;
    }
}
