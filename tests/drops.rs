//! What a suspended generator holds is dropped exactly once, in Rust's order.

use std::cell::RefCell;
use std::rc::Rc;

use gen_core::prelude::*;

type Log = Rc<RefCell<Vec<&'static str>>>;

struct Noisy(&'static str, Log);

impl Drop for Noisy {
    fn drop(&mut self) {
        self.1.borrow_mut().push(self.0);
    }
}

#[generator]
fn holds_three(log: Log) -> impl Generator<Yield = (), Return = ()> {
    let a = Noisy("a", log.clone());
    let b = Noisy("b", log.clone());
    r#yield!(());
    let c = Noisy("c", log.clone());
    r#yield!(());
    std::hint::black_box((&a, &b, &c));
}

#[test]
fn dropping_a_suspended_generator_drops_its_locals_in_reverse_order() {
    let log: Log = Rc::default();
    let mut g = holds_three(log.clone());
    let _ = g.advance();
    let _ = g.advance();
    assert!(log.borrow().is_empty());
    drop(g);
    assert_eq!(*log.borrow(), ["c", "b", "a"]);
}

#[test]
fn completion_drops_in_reverse_order_once() {
    let log: Log = Rc::default();
    let g = holds_three(log.clone());
    g.run_to_completion();
    assert_eq!(*log.borrow(), ["c", "b", "a"]);
}

#[test]
fn a_generator_that_never_started_drops_its_arguments() {
    let log: Log = Rc::default();
    let noisy = Noisy("arg", log.clone());
    #[generator]
    fn takes(n: Noisy) -> impl Generator<Yield = (), Return = ()> {
        r#yield!(());
        drop(n);
    }
    let g = takes(noisy);
    assert!(log.borrow().is_empty());
    drop(g);
    assert_eq!(*log.borrow(), ["arg"]);
}

#[generator]
fn guard_kept(log: Log) -> impl Generator<Yield = u8, Return = ()> {
    let _guard = Noisy("guard", log.clone());
    let temp = Noisy("temp", log.clone());
    let n = temp.0.len() as u8;
    r#yield!(n);
    log.borrow_mut().push("after yield");
}

#[test]
fn guards_named_with_an_underscore_live_to_the_end_of_their_scope() {
    let log: Log = Rc::default();
    let mut g = guard_kept(log.clone());
    assert_eq!(g.advance(), GeneratorState::Yielded(4));
    // `temp` is not used after the suspension point: it is dropped there.
    assert_eq!(*log.borrow(), ["temp"]);
    assert_eq!(g.advance(), GeneratorState::Complete(()));
    assert_eq!(*log.borrow(), ["temp", "after yield", "guard"]);
}

#[generator]
fn reassigned(log: Log) -> impl Generator<Yield = (), Return = ()> {
    let mut x = Noisy("first", log.clone());
    r#yield!(());
    x = Noisy("second", log.clone());
    r#yield!(());
    drop(x);
}

#[test]
fn reassignment_after_a_suspension_point_drops_the_old_value_then() {
    let log: Log = Rc::default();
    let mut g = reassigned(log.clone());
    let _ = g.advance();
    assert!(log.borrow().is_empty());
    let _ = g.advance();
    assert_eq!(*log.borrow(), ["first"]);
    drop(g);
    assert_eq!(*log.borrow(), ["first", "second"]);
}

#[generator]
fn delegate_holder(log: Log) -> impl Generator<Yield = (), Return = ()> {
    let _outer = Noisy("outer", log.clone());
    yield_from!(holds_three(log.clone()));
}

#[test]
fn a_suspended_delegate_is_dropped_with_its_delegator() {
    let log: Log = Rc::default();
    let mut g = delegate_holder(log.clone());
    let _ = g.advance();
    let _ = g.advance();
    drop(g);
    assert_eq!(*log.borrow(), ["c", "b", "a", "outer"]);
}

thread_local! {
    /// For generators that must save nothing but their delegate: a `Log` argument would be
    /// saved too.
    static EVENTS: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
}

fn event(name: &'static str) {
    EVENTS.with(|events| events.borrow_mut().push(name));
}

/// A delegate that yields `left` times and records its drop.
struct Finite {
    left: u32,
}

impl Drop for Finite {
    fn drop(&mut self) {
        event("delegate dropped");
    }
}

impl Generator for Finite {
    type Yield = ();
    type Return = ();

    fn start(&mut self) -> GeneratorState<(), ()> {
        self.resume(())
    }

    fn resume(&mut self, (): ()) -> GeneratorState<(), ()> {
        if self.left == 0 {
            return GeneratorState::Complete(());
        }
        self.left -= 1;
        GeneratorState::Yielded(())
    }
}

/// Saves only its delegate across the suspension point: the delegate, once completed, is
/// dropped where it is stored instead of being moved out.
#[generator]
fn only_a_delegate() -> impl Generator<Yield = (), Return = ()> {
    yield_from!(Finite { left: 2 });
    event("after yield_from");
    r#yield!(());
}

#[test]
fn a_completed_delegate_is_dropped_before_the_next_statement() {
    EVENTS.with(|events| events.borrow_mut().clear());
    let mut g = only_a_delegate();
    assert!(g.advance().is_yielded());
    assert!(g.advance().is_yielded());
    EVENTS.with(|events| assert!(events.borrow().is_empty()));
    // The delegate completes, then the body runs on to its own yield.
    assert!(g.advance().is_yielded());
    EVENTS.with(|events| assert_eq!(*events.borrow(), ["delegate dropped", "after yield_from"]));
    drop(g);
    EVENTS.with(|events| assert_eq!(events.borrow().len(), 2));
}
