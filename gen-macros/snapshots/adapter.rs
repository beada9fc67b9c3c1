// A generic adapter: its state may hold a generator of the type it is generic over, so its
// step takes the state untyped (`generated_erased`).
fn plus_one<G: Generator<Yield = u32, Return = ()>>(mut inner: G) -> impl Generator<Yield = u32, Return = ()> {
    let mut step = inner.start();
    while let GeneratorState::Yielded(value) = step {
        r#yield!(value + 1);
        step = inner.resume(());
    }
}
