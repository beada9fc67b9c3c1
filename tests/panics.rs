//! A body that panics poisons its generator.

use std::panic::{AssertUnwindSafe, catch_unwind};

use gen_core::prelude::*;

#[generator]
fn fragile(fail_at: u32) -> impl Generator<Yield = u32, Return = ()> {
    let mut big = [0u64; 8];
    for i in 0..10 {
        big[(i % 8) as usize] += 1;
        if i == fail_at {
            panic!("boom at {i}");
        }
        r#yield!(i);
    }
}

#[test]
fn resuming_after_a_panic_says_so() {
    let mut g = fragile(1);
    assert_eq!(g.advance(), GeneratorState::Yielded(0));
    let err = catch_unwind(AssertUnwindSafe(|| g.advance())).unwrap_err();
    assert_eq!(
        err.downcast_ref::<String>().map(String::as_str),
        Some("boom at 1")
    );
    let err = catch_unwind(AssertUnwindSafe(|| g.advance())).unwrap_err();
    assert_eq!(
        err.downcast_ref::<&str>(),
        Some(&"generator resumed after it panicked")
    );
}
