//! A crate that re-exports gen-core under another name names it with `crate = path`, and the
//! expansion does not depend on `core` or `std` being the real ones at the use site.

mod my_runtime {
    pub use gen_core as inner;
}

#[allow(dead_code)]
mod core {}
#[allow(dead_code)]
mod std {}

use gen_core::{Generator, GeneratorState, UnitGeneratorExt, generator};

#[generator(crate = crate::my_runtime::inner)]
fn through_reexport(n: u32) -> impl Generator<Yield = u32, Return = Option<u32>> {
    for i in 0..n {
        gen_core::r#yield!(i);
    }
    let v: Option<u32> = Some(n);
    let n = v?;
    Some(n)
}

#[test]
fn crate_path_override_and_shadowed_core() {
    let mut g = through_reexport(2);
    assert_eq!(g.advance(), GeneratorState::Yielded(0));
    assert_eq!(g.advance(), GeneratorState::Yielded(1));
    assert_eq!(g.advance(), GeneratorState::Complete(Some(2)));
}
