//! `yield_from!` chains at least two levels deep, where the outermost generator resumes the
//! innermost delegate directly: values, return values and resume values go where they would
//! through every level, also when the chain changes, the generator moves or is cloned
//! mid-chain, or the innermost delegate panics. `cargo +nightly miri test --test
//! delegation_chains` runs these under Miri, which checks the direct resume's `unsafe`.

use std::cell::RefCell;
use std::panic::{AssertUnwindSafe, catch_unwind};

use gen_core::prelude::*;

#[generator]
fn count(from: u32, n: u32) -> impl Generator<Yield = u32, Return = u32> + Clone {
    for i in from..from + n {
        r#yield!(i);
    }
    n
}

#[generator]
fn level1(from: u32, n: u32) -> impl Generator<Yield = u32, Return = u32> + Clone {
    let r = yield_from!(count(from, n));
    r + 1
}

#[generator]
fn level2(from: u32, n: u32) -> impl Generator<Yield = u32, Return = u32> + Clone {
    let r = yield_from!(level1(from, n));
    r + 10
}

#[generator]
fn level3(from: u32, n: u32) -> impl Generator<Yield = u32, Return = u32> + Clone {
    let r = yield_from!(level2(from, n));
    r + 100
}

fn drain<G: Generator<Yield = u32>>(mut g: G) -> (Vec<u32>, G::Return) {
    let mut out = Vec::new();
    loop {
        match g.resume(()) {
            GeneratorState::Yielded(v) => out.push(v),
            GeneratorState::Complete(r) => return (out, r),
        }
    }
}

#[test]
fn values_and_return_values_pass_through_every_level() {
    assert_eq!(drain(level3(5, 4)), (vec![5, 6, 7, 8], 4 + 1 + 10 + 100));
    assert_eq!(drain(level3(0, 0)), (vec![], 111));
}

#[generator]
fn in_sequence() -> impl Generator<Yield = u32, Return = u32> {
    let mut total = 0;
    for k in 0..3 {
        r#yield!(1000 + k);
        total += yield_from!(level2(10 * k, k + 1));
    }
    total
}

#[test]
fn one_chain_after_another() {
    let (values, total) = drain(in_sequence());
    assert_eq!(values, [1000, 0, 1001, 10, 11, 1002, 20, 21, 22]);
    assert_eq!(total, (1 + 11) + (2 + 11) + (3 + 11));
}

#[generator]
fn accumulate() -> impl Generator<i64, Yield = i64, Return = i64> {
    let mut total = 0;
    for _ in 0..4 {
        total += r#yield!(total);
    }
    total
}

#[generator]
fn pass_on() -> impl Generator<i64, Yield = i64, Return = i64> {
    yield_from!(accumulate()) * 2
}

#[generator]
fn pass_on_twice() -> impl Generator<i64, Yield = i64, Return = i64> {
    yield_from!(pass_on()) + 1
}

#[test]
fn resume_values_reach_the_innermost_delegate() {
    let mut g = pass_on_twice();
    assert_eq!(g.start(), GeneratorState::Yielded(0));
    assert_eq!(g.resume(5), GeneratorState::Yielded(5));
    assert_eq!(g.resume(7), GeneratorState::Yielded(12));
    assert_eq!(g.resume(1), GeneratorState::Yielded(13));
    assert_eq!(g.resume(2), GeneratorState::Complete(15 * 2 + 1));
}

#[generator]
fn grows() -> impl Generator<Yield = u32, Return = u32> {
    r#yield!(1);
    // This generator is the innermost delegate when this starts: the chain gets deeper
    // during a direct resume.
    let r = yield_from!(level1(20, 2));
    r#yield!(99);
    r
}

#[generator]
fn around_grows() -> impl Generator<Yield = u32, Return = u32> {
    yield_from!(level1_of_grows()) + 1000
}

#[generator]
fn level1_of_grows() -> impl Generator<Yield = u32, Return = u32> {
    yield_from!(grows())
}

#[test]
fn a_chain_that_gets_deeper_inside() {
    assert_eq!(drain(around_grows()), (vec![1, 20, 21, 99], 1003));
}

#[generator]
fn through_a_box() -> impl Generator<Yield = u32, Return = u32> {
    yield_from!(level2(3, 2).boxed()) + 1
}

#[generator]
fn around_a_box() -> impl Generator<Yield = u32, Return = u32> {
    yield_from!(through_a_box())
}

#[generator]
fn iterable_inside() -> impl Generator<Yield = u32, Return = ()> {
    yield_from!(vec![7, 8, 9]);
}

#[generator]
fn around_iterable() -> impl Generator<Yield = u32, Return = ()> {
    yield_from!(iterable_inside());
    r#yield!(10);
}

#[generator]
fn empty() -> impl Generator<Yield = u32, Return = u32> {
    42
}

#[generator]
fn around_empty() -> impl Generator<Yield = u32, Return = u32> {
    let a = yield_from!(empty());
    r#yield!(a);
    yield_from!(level1(0, 1)) + a
}

#[test]
fn boxes_iterables_and_empty_delegates_in_a_chain() {
    assert_eq!(drain(around_a_box()), (vec![3, 4], 2 + 1 + 10 + 1));
    assert_eq!(around_iterable().iter().collect::<Vec<_>>(), [7, 8, 9, 10]);
    assert_eq!(drain(around_empty()), (vec![42, 0], 2 + 42));
}

#[test]
fn a_generator_moved_mid_chain_continues() {
    let mut g = level3(0, 6);
    assert_eq!(g.resume(()), GeneratorState::Yielded(0));
    assert_eq!(g.resume(()), GeneratorState::Yielded(1));
    // Move it to the heap, then into a vector that reallocates.
    let mut boxed = Box::new(g);
    assert_eq!(boxed.resume(()), GeneratorState::Yielded(2));
    let mut all = vec![*boxed];
    for _ in 0..100 {
        all.push(level3(50, 1));
    }
    let mut g = all.swap_remove(0);
    assert_eq!(drain(&mut g), (vec![3, 4, 5], 6 + 111));
}

#[test]
fn a_clone_taken_mid_chain_continues_on_its_own() {
    let mut a = level3(0, 4);
    assert_eq!(a.resume(()), GeneratorState::Yielded(0));
    assert_eq!(a.resume(()), GeneratorState::Yielded(1));
    let mut b = a.clone();
    assert_eq!(a.resume(()), GeneratorState::Yielded(2));
    drop(a);
    assert_eq!(drain(&mut b), (vec![2, 3], 4 + 111));
}

thread_local! {
    static LOG: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
}

struct Noted(&'static str);

impl Drop for Noted {
    fn drop(&mut self) {
        LOG.with(|log| log.borrow_mut().push(self.0));
    }
}

fn take_log() -> Vec<&'static str> {
    LOG.with(|log| std::mem::take(&mut *log.borrow_mut()))
}

#[generator]
fn fails_at(n: u32) -> impl Generator<Yield = u32, Return = u32> {
    let _guard = Noted("innermost");
    for i in 0..n {
        r#yield!(i);
    }
    panic!("innermost failed");
}

#[generator]
fn fails_mid() -> impl Generator<Yield = u32, Return = u32> {
    let _guard = Noted("middle");
    yield_from!(fails_at(2))
}

#[generator]
fn fails_outer() -> impl Generator<Yield = u32, Return = u32> {
    let _guard = Noted("outer");
    yield_from!(fails_mid())
}

#[test]
fn a_panic_in_the_innermost_delegate_poisons_every_level_innermost_first() {
    let mut g = fails_outer();
    assert_eq!(g.resume(()), GeneratorState::Yielded(0));
    assert_eq!(g.resume(()), GeneratorState::Yielded(1));
    take_log();
    let failed = catch_unwind(AssertUnwindSafe(|| g.resume(())));
    assert!(failed.is_err());
    // What the levels held dropped as the panic left them, innermost first.
    assert_eq!(take_log(), ["innermost", "middle", "outer"]);
    let again = catch_unwind(AssertUnwindSafe(|| g.resume(())));
    let message = again.expect_err("a poisoned generator panics");
    assert_eq!(
        message.downcast_ref::<&str>(),
        Some(&"generator resumed after it panicked")
    );
}

#[test]
fn dropping_a_generator_suspended_mid_chain_drops_every_level() {
    let mut g = fails_outer();
    assert_eq!(g.resume(()), GeneratorState::Yielded(0));
    take_log();
    drop(g);
    let mut log = take_log();
    log.sort_unstable();
    assert_eq!(log, ["innermost", "middle", "outer"]);
}

#[test]
fn a_chain_generator_stays_send() {
    fn assert_send<T: Send>(_: &T) {}
    let g = level3(0, 1);
    assert_send(&g);
    let handle = std::thread::spawn(move || drain(g));
    assert_eq!(handle.join().unwrap(), (vec![0], 112));
}

// Generators written by a `macro_rules!` macro: the operand of `yield_from!` comes from the
// macro's own hygiene context.
macro_rules! levels {
    ($($name:ident => $inner:ident),*) => {$(
        #[generator]
        fn $name(n: u32) -> impl Generator<Yield = u32, Return = u32> {
            let r = yield_from!($inner(0, n));
            r + 1
        }
    )*};
}

levels!(macro_level1 => count, macro_level2 => level1);

#[generator]
fn around_macro_levels() -> impl Generator<Yield = u32, Return = u32> {
    yield_from!(macro_level1(2)) + yield_from!(macro_level2(1))
}

#[test]
fn chains_of_generators_a_macro_wrote() {
    assert_eq!(
        drain(around_macro_levels()),
        (vec![0, 1, 0], (2 + 1) + (1 + 1 + 1))
    );
}

#[generator]
fn statics() -> impl Generator<Yield = &'static str, Return = ()> {
    r#yield!("a");
    r#yield!("b");
}

#[generator]
fn borrowed<'a>(s: &'a str) -> impl Generator<Yield = &'a str, Return = ()> + 'a {
    r#yield!(s);
    yield_from!(statics());
}

#[generator]
fn around_borrowed<'a>(s: &'a str) -> impl Generator<Yield = &'a str, Return = ()> + 'a {
    yield_from!(borrowed(s));
}

#[test]
fn a_delegate_may_yield_a_subtype_of_the_yield_type() {
    // `&'static str` values pass through a chain of `&'a str` generators.
    let owned = String::from("x");
    let values: Vec<&str> = around_borrowed(&owned).iter().collect();
    assert_eq!(values, ["x", "a", "b"]);
}

#[test]
fn start_on_a_generator_suspended_mid_chain_panics_and_poisons_it() {
    let mut g = level3(0, 3);
    assert_eq!(g.resume(()), GeneratorState::Yielded(0));
    assert_eq!(g.resume(()), GeneratorState::Yielded(1));
    let twice = catch_unwind(AssertUnwindSafe(|| g.start()));
    assert!(twice.is_err());
    let after = catch_unwind(AssertUnwindSafe(|| g.resume(())));
    let message = after.expect_err("a poisoned generator panics");
    assert_eq!(
        message.downcast_ref::<&str>(),
        Some(&"generator resumed after it panicked")
    );
}

// Thirty-two distinct generators, each delegating to the one before. Each level's type holds
// the level below; the generated code names it once per level, so the chain builds in about a
// second. Naming it twice (as the step closure's parameter did) made rustc expand the types
// as a tree: 21 s for 24 levels, hours for 32 (`benches/chain_compile_time.sh`).
macro_rules! deep_chain {
    ($first:ident $(, $level:ident => $below:ident)* $(,)?) => {
        #[generator]
        fn $first(n: u32) -> impl Generator<Yield = u32, Return = u32> {
            for i in 0..n {
                r#yield!(i);
            }
            0
        }
        $(
            #[generator]
            fn $level(n: u32) -> impl Generator<Yield = u32, Return = u32> {
                yield_from!($below(n)) + 1
            }
        )*
    };
}

deep_chain!(
    d0, d1 => d0, d2 => d1, d3 => d2, d4 => d3, d5 => d4, d6 => d5, d7 => d6, d8 => d7,
    d9 => d8, d10 => d9, d11 => d10, d12 => d11, d13 => d12, d14 => d13, d15 => d14,
    d16 => d15, d17 => d16, d18 => d17, d19 => d18, d20 => d19, d21 => d20, d22 => d21,
    d23 => d22, d24 => d23, d25 => d24, d26 => d25, d27 => d26, d28 => d27, d29 => d28,
    d30 => d29, d31 => d30, d32 => d31,
);

#[test]
fn a_chain_of_thirty_two_distinct_generators() {
    assert_eq!(drain(d32(3)), (vec![0, 1, 2], 32));
}
