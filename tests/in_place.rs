//! Resume arms that update what they saved in place (a loop with one suspension point whose
//! saved values are only borrowed, indexed or assigned in it) behave exactly like the others.

use std::cell::RefCell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::rc::Rc;

use gen_core::prelude::*;

type Log = Rc<RefCell<Vec<String>>>;

struct Noisy(&'static str, Log);

impl Drop for Noisy {
    fn drop(&mut self) {
        self.1.borrow_mut().push(format!("drop {}", self.0));
    }
}

/// Inside the loop, `counts` is only indexed: this arm runs in place (see the expansion
/// snapshot `gen-macros/snapshots/in_place.expanded.rs`).
#[generator]
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

#[test]
fn values_updated_in_place_and_moved_out_after_the_loop() {
    let log: Log = Rc::default();
    let mut it = histogram(vec![1, 1, 3], log.clone()).iter();
    assert_eq!(it.by_ref().collect::<Vec<_>>(), [1, 2, 1]);
    assert_eq!(it.into_return(), Some([0, 2, 0, 1]));
    assert_eq!(*log.borrow(), ["loop done", "drop last", "drop first"]);
}

#[test]
fn return_from_inside_the_loop_drops_in_rust_order() {
    let log: Log = Rc::default();
    let mut g = histogram(vec![2, 9], log.clone());
    assert_eq!(g.advance(), GeneratorState::Yielded(1));
    assert_eq!(g.advance(), GeneratorState::Complete([9; 4]));
    assert_eq!(*log.borrow(), ["drop last", "drop first"]);
}

#[test]
fn dropping_while_suspended_in_the_loop() {
    let log: Log = Rc::default();
    let mut g = histogram(vec![0, 0, 0], log.clone());
    let _ = g.advance();
    let _ = g.advance();
    drop(g);
    assert_eq!(*log.borrow(), ["drop last", "drop first"]);
}

#[generator]
fn explode(at: usize) -> impl Generator<Yield = usize, Return = ()> {
    let mut buffer = [0usize; 16];
    for i in 0..32 {
        buffer[i % 16] = i;
        if i == at {
            panic!("exploded");
        }
        r#yield!(buffer[i % 16]);
    }
}

#[test]
fn a_panic_inside_an_in_place_loop_poisons_the_generator() {
    let mut g = explode(2);
    assert_eq!(g.advance(), GeneratorState::Yielded(0));
    assert_eq!(g.advance(), GeneratorState::Yielded(1));
    assert!(catch_unwind(AssertUnwindSafe(|| g.advance())).is_err());
    let err = catch_unwind(AssertUnwindSafe(|| g.advance())).unwrap_err();
    assert_eq!(
        err.downcast_ref::<&str>(),
        Some(&"generator resumed after it panicked")
    );
}

#[generator]
fn chain(depth: u32) -> impl Generator<Yield = u32, Return = u32> {
    if depth == 0 {
        for i in 0..3 {
            r#yield!(i);
        }
        return 100;
    }
    let inner = yield_from!(chain(depth - 1).boxed());
    inner + depth
}

#[test]
fn delegation_chains_run_in_place_at_every_level() {
    let mut it = chain(5).iter();
    assert_eq!(it.by_ref().collect::<Vec<_>>(), [0, 1, 2]);
    assert_eq!(it.into_return(), Some(100 + 1 + 2 + 3 + 4 + 5));
}

#[test]
fn a_generator_suspended_in_place_can_be_cloned() {
    #[generator]
    fn counter() -> impl Generator<Yield = u64, Return = ()> + Clone {
        let mut state = [0u64; 8];
        for i in 0..6 {
            state[i % 8] += 1;
            r#yield!(state[i % 8]);
        }
    }
    let mut g = counter();
    let _ = g.advance();
    let fork = g.clone();
    assert_eq!(g.iter().count(), 5);
    assert_eq!(fork.iter().count(), 5);
}

struct Buffer {
    data: [u8; 4],
}

impl Buffer {
    /// `self` is kept across the suspension point and only indexed in the loop: in place.
    #[generator]
    fn bump_each(&mut self) -> impl Generator<Yield = u8, Return = usize> + '_ {
        for i in 0..4 {
            self.data[i] += 1;
            r#yield!(self.data[i]);
        }
        self.data.len()
    }
}

#[test]
fn a_receiver_kept_in_place() {
    let mut buffer = Buffer { data: [1, 2, 3, 4] };
    let mut it = buffer.bump_each().iter();
    assert_eq!(it.by_ref().collect::<Vec<_>>(), [2, 3, 4, 5]);
    assert_eq!(it.into_return(), Some(4));
    assert_eq!(buffer.data, [2, 3, 4, 5]);
}
