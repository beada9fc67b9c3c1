//! A body that panics poisons its generator.

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

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

/// Panics when dropped, after noting it.
struct Bomb(Rc<Cell<u32>>);

impl Drop for Bomb {
    fn drop(&mut self) {
        self.0.set(self.0.get() + 1);
        panic!("bomb");
    }
}

/// Panics when dropped; no fields, so a state that holds only numbers has no drop glue.
struct StaticBomb;

static STATIC_BOMBS: AtomicU32 = AtomicU32::new(0);

impl Drop for StaticBomb {
    fn drop(&mut self) {
        STATIC_BOMBS.fetch_add(1, Ordering::SeqCst);
        panic!("static bomb");
    }
}

/// The state holds only `n`; the bomb is a local that drops as the first step returns.
#[generator]
fn static_bomb_at_yield(n: u32) -> impl Generator<Yield = u32, Return = ()> {
    let bomb = StaticBomb;
    let _ = &bomb;
    r#yield!(n);
    r#yield!(n + 1);
}

#[test]
fn a_destructor_that_panics_as_a_step_returns_poisons_a_state_without_drop_glue() {
    let mut g = static_bomb_at_yield(7);
    let err = catch_unwind(AssertUnwindSafe(|| g.advance())).unwrap_err();
    assert_eq!(err.downcast_ref::<&str>(), Some(&"static bomb"));
    assert_eq!(STATIC_BOMBS.load(Ordering::SeqCst), 1);
    let err = catch_unwind(AssertUnwindSafe(|| g.advance())).unwrap_err();
    assert_eq!(
        err.downcast_ref::<&str>(),
        Some(&"generator resumed after it panicked")
    );
}

/// `bomb` is not used after the first yield, so it drops as that step returns, after the
/// step has stored `kept` for the next one.
#[generator]
fn bomb_at_yield(bombs: Rc<Cell<u32>>, kept: Rc<()>) -> impl Generator<Yield = u32, Return = ()> {
    let bomb = Bomb(bombs);
    let _ = &bomb;
    r#yield!(1);
    drop(kept);
    r#yield!(2);
}

#[test]
fn a_destructor_that_panics_as_a_step_returns_poisons_the_generator() {
    let bombs = Rc::new(Cell::new(0));
    let kept = Rc::new(());
    let mut g = bomb_at_yield(Rc::clone(&bombs), Rc::clone(&kept));
    let err = catch_unwind(AssertUnwindSafe(|| g.advance())).unwrap_err();
    assert_eq!(err.downcast_ref::<&str>(), Some(&"bomb"));
    assert_eq!(bombs.get(), 1);
    // What the step had stored for the next one was dropped with the panic, once.
    assert_eq!(Rc::strong_count(&kept), 1);
    let err = catch_unwind(AssertUnwindSafe(|| g.advance())).unwrap_err();
    assert_eq!(
        err.downcast_ref::<&str>(),
        Some(&"generator resumed after it panicked")
    );
    drop(g);
    assert_eq!(bombs.get(), 1);
}
