// Labeled loops and a break with a value across suspension points.
fn labels(limit: u32) -> impl Generator<Yield = u32, Return = u32> {
    let found = 'outer: loop {
        for i in 0..limit {
            if r#yield!(i) == 0 {
                continue 'outer;
            }
            if i > 3 {
                break 'outer i;
            }
        }
    };
    found * 2
}
