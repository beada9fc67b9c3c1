//! A body that panics poisons its generator.

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use gen_core::prelude::*;

/// What `run` panics with.
fn panic_text<T>(run: impl FnOnce() -> T) -> String {
    let Err(err) = catch_unwind(AssertUnwindSafe(run)) else {
        panic!("no panic")
    };
    err.downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| err.downcast_ref::<String>().cloned())
        .unwrap()
}

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
    assert_eq!(panic_text(|| g.advance()), "boom at 1");
    assert_eq!(
        panic_text(|| g.advance()),
        "generator resumed after it panicked"
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
    assert_eq!(panic_text(|| g.advance()), "static bomb");
    assert_eq!(STATIC_BOMBS.load(Ordering::SeqCst), 1);
    assert_eq!(
        panic_text(|| g.advance()),
        "generator resumed after it panicked"
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
    assert_eq!(panic_text(|| g.advance()), "bomb");
    assert_eq!(bombs.get(), 1);
    // What the step had stored for the next one was dropped with the panic, once.
    assert_eq!(Rc::strong_count(&kept), 1);
    assert_eq!(
        panic_text(|| g.advance()),
        "generator resumed after it panicked"
    );
    drop(g);
    assert_eq!(bombs.get(), 1);
}

thread_local! {
    /// Ticks until `tick` panics, per test thread.
    static FUSE: Cell<u32> = const { Cell::new(u32::MAX) };
}

/// Panics when the fuse runs out.
fn tick() {
    FUSE.with(|fuse| {
        let left = fuse.get();
        if left == 0 {
            panic!("fuse out");
        }
        fuse.set(left - 1);
    });
}

/// A step in place (its only saved value, the range, stays in the state), under the unwind
/// guard, and the "resumed after ..." checks are made before that guard.
#[generator]
fn ticking(n: u32) -> impl Generator<Yield = (), Return = ()> {
    for _ in 0..n {
        r#yield!(());
        tick();
    }
}

#[test]
fn an_in_place_step_that_panics_poisons_its_generator() {
    FUSE.with(|fuse| fuse.set(1));
    let mut g = ticking(5);
    assert_eq!(g.advance(), GeneratorState::Yielded(()));
    assert_eq!(g.advance(), GeneratorState::Yielded(()));
    assert_eq!(panic_text(|| g.advance()), "fuse out");
    assert_eq!(
        panic_text(|| g.advance()),
        "generator resumed after it panicked"
    );
    assert_eq!(
        panic_text(|| g.start()),
        "generator resumed after it panicked"
    );
}

#[test]
fn an_in_place_generator_resumed_after_completion_says_so() {
    FUSE.with(|fuse| fuse.set(u32::MAX));
    let mut g = ticking(1);
    assert_eq!(g.advance(), GeneratorState::Yielded(()));
    assert_eq!(g.advance(), GeneratorState::Complete(()));
    assert_eq!(
        panic_text(|| g.advance()),
        "generator resumed after completion"
    );
    // The state is still `Done`, not poisoned by that panic.
    assert_eq!(
        panic_text(|| g.advance()),
        "generator resumed after completion"
    );
}

#[generator]
fn yields_twice(first: u32) -> impl Generator<Yield = u32, Return = ()> {
    r#yield!(first);
    r#yield!(first + 1);
}

#[test]
fn a_generator_resumed_after_completion_says_so_every_time() {
    let mut g = yields_twice(1);
    assert_eq!(g.advance(), GeneratorState::Yielded(1));
    assert_eq!(g.advance(), GeneratorState::Yielded(2));
    assert_eq!(g.advance(), GeneratorState::Complete(()));
    for _ in 0..2 {
        assert_eq!(
            panic_text(|| g.advance()),
            "generator resumed after completion"
        );
    }
}

#[generator]
fn delegates_twice() -> impl Generator<Yield = u32, Return = ()> {
    yield_from!(yields_twice(1));
    yield_from!(yields_twice(3));
}

#[test]
fn a_delegating_generator_resumed_after_completion_says_so_every_time() {
    let mut g = delegates_twice();
    let mut items = Vec::new();
    while let GeneratorState::Yielded(item) = g.advance() {
        items.push(item);
    }
    assert_eq!(items, [1, 2, 3, 4]);
    for _ in 0..2 {
        assert_eq!(
            panic_text(|| g.advance()),
            "generator resumed after completion"
        );
    }
}

/// Keeps a `String` across its loop: the state has drop glue, so its steps run under the
/// unwind guard, and its tag sits in the `String`'s niche.
#[generator]
fn counts_with(label: String, n: u32) -> impl Generator<Yield = u32, Return = usize> {
    for i in 0..n {
        r#yield!(i);
    }
    label.len()
}

#[test]
fn a_guarded_generator_resumed_after_completion_says_so_every_time() {
    // Resumed directly (the step that lets its own arm for ended states panic) and through a
    // box (the step that rejects an ended generator before it starts).
    let direct = counts_with("ab".into(), 2);
    let boxed: gen_core::BoxGenerator<'_, (), u32, usize> = counts_with("ab".into(), 2).boxed();
    fn check(mut g: impl Generator<Yield = u32, Return = usize>) {
        assert_eq!(g.advance(), GeneratorState::Yielded(0));
        assert_eq!(g.advance(), GeneratorState::Yielded(1));
        assert_eq!(g.advance(), GeneratorState::Complete(2));
        for _ in 0..2 {
            assert_eq!(
                panic_text(|| g.advance()),
                "generator resumed after completion"
            );
        }
        assert_eq!(
            panic_text(|| g.start()),
            "generator resumed after completion"
        );
    }
    check(direct);
    check(boxed);
}

/// `bomb` lives to the end of the body, so it drops as the last step returns, after the
/// step has completed the generator.
#[generator]
fn bomb_at_end(bombs: Rc<Cell<u32>>) -> impl Generator<Yield = u32, Return = ()> {
    let bomb = Bomb(bombs);
    r#yield!(1);
    let _ = &bomb;
}

#[test]
fn a_destructor_that_panics_as_a_guarded_step_completes_poisons_the_generator() {
    // Directly and through a box, as above: the body completed, but the step that completed
    // it panicked, so a later resume says that it panicked.
    fn check(mut g: impl Generator<Yield = u32, Return = ()>, bombs: &Cell<u32>) {
        assert_eq!(g.advance(), GeneratorState::Yielded(1));
        assert_eq!(panic_text(|| g.advance()), "bomb");
        assert_eq!(bombs.get(), 1);
        assert_eq!(
            panic_text(|| g.advance()),
            "generator resumed after it panicked"
        );
    }
    let bombs = Rc::new(Cell::new(0));
    check(bomb_at_end(Rc::clone(&bombs)), &bombs);
    let bombs = Rc::new(Cell::new(0));
    check(bomb_at_end(Rc::clone(&bombs)).boxed(), &bombs);
}
