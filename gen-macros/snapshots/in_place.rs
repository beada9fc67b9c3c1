// A loop with one suspension point whose saved values are only indexed or borrowed in it:
// the resume arm works on references into the stored variant (no copy per step).
fn histogram(values: Vec<usize>, log: Log) -> impl Generator<Yield = u32, Return = [u32; 4]> {
    let _first = Noisy("first", log.clone());
    let mut counts = [0u32; 4];
    let _last = Noisy("last", log.clone());
    for &v in &values {
        if v >= 4 {
            return [9; 4];
        }
        counts[v] += 1;
        r#yield!(counts[v]);
    }
    log.borrow_mut().push("loop done".into());
    counts
}
