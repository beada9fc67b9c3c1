// One loop, two locals saved across the suspension point.
fn fib() -> impl Generator<Yield = u64, Return = ()> {
    let (mut current, mut next) = (0, 1);
    loop {
        r#yield!(current);
        (current, next) = (next, current + next);
    }
}
