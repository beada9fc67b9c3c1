// A resume value used in an expression.
fn running_total() -> impl Generator<u64, Yield = u64, Return = ()> {
    let mut total = 0;
    loop {
        total += r#yield!(total);
    }
}
