// `yield_from!` with a return value, and `?`.
fn delegate(items: Vec<&'static str>) -> impl Generator<Yield = u32, Return = Result<u32, std::num::ParseIntError>> {
    let mut sum = 0;
    for s in &items {
        let n: u32 = s.parse()?;
        sum += yield_from!(counter(n));
    }
    Ok(sum)
}
