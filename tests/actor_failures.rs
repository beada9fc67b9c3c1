//! An actor that panics is isolated: recorded with its panic (and, when captured, its message),
//! removed, and the others keep running.

use std::cell::RefCell;
use std::rc::Rc;

use gen_core::GeneratorState;
use gen_core::actor::{ActorScheduler, Context, DeadLetterReason};
use gen_core::prelude::*;

#[generator]
fn divider(ctx: Context<i64>) -> impl Generator<i64, Yield = (), Return = ()> {
    loop {
        let d = r#yield!(());
        if d == 0 {
            panic!("division by zero");
        }
        ctx.send("results", 100 / d);
    }
}

#[generator]
fn results(log: Rc<RefCell<Vec<i64>>>) -> impl Generator<i64, Yield = (), Return = ()> {
    loop {
        let n = r#yield!(());
        log.borrow_mut().push(n);
    }
}

#[test]
fn a_panicking_actor_is_removed_and_the_others_keep_running() {
    let log = Rc::default();
    let mut sched = ActorScheduler::new();
    sched.capture_failed_messages();
    sched.spawn("results", results(Rc::clone(&log))).unwrap();
    let div = sched.spawn_with("divider", |ctx, _| divider(ctx)).unwrap();
    sched.send("divider", 5);
    sched.send("divider", 0);
    sched.send("divider", 4); // after the panic: a dead letter
    sched.send("results", -1); // another actor: still delivered
    let stats = sched.run();
    assert_eq!(*log.borrow(), [-1, 20]);
    assert_eq!(stats.failed, 1);
    assert_eq!(stats.delivered, 4);
    assert_eq!(stats.dead_letters, 1);
    assert!(!sched.is_running("divider"));
    assert!(sched.is_running("results"));

    let failures = sched.take_failures();
    assert_eq!(failures.len(), 1);
    assert_eq!(failures[0].actor(), "divider");
    assert_eq!(failures[0].addr(), div);
    assert_eq!(failures[0].panic_message(), "division by zero");
    assert_eq!(failures[0].message(), Some(&0));
    assert!(!failures[0].at_start());

    let letter = sched.take_dead_letters().pop().unwrap();
    assert_eq!(letter.reason(), DeadLetterReason::Failed);
    assert_eq!((letter.recipient(), *letter.message()), ("divider", 4));

    // Its name is free again.
    assert!(sched.spawn_with("divider", |ctx, _| divider(ctx)).is_ok());
}

#[test]
fn without_capture_the_failure_keeps_the_formatted_panic_message() {
    #[generator]
    fn picky() -> impl Generator<u32, Yield = (), Return = ()> {
        loop {
            let n = r#yield!(());
            assert!(n < 10, "too big: {n}");
        }
    }
    let mut sched = ActorScheduler::new();
    sched.spawn("picky", picky()).unwrap();
    sched.send("picky", 3);
    sched.send("picky", 12);
    sched.run();
    let failure = sched.take_failures().pop().unwrap();
    assert_eq!(failure.panic_message(), "too big: 12");
    assert_eq!(failure.message(), None);
}

#[test]
fn a_non_string_panic_payload_is_reported_as_such() {
    #[generator]
    fn odd() -> impl Generator<(), Yield = (), Return = ()> {
        r#yield!(());
        std::panic::panic_any(42u8);
    }
    let mut sched = ActorScheduler::new();
    sched.spawn("odd", odd()).unwrap();
    sched.send("odd", ());
    assert_eq!(sched.run().failed, 1);
    assert_eq!(
        sched.take_failures()[0].panic_message(),
        "<non-string panic payload>"
    );
}

#[test]
fn a_panic_while_starting_is_isolated_too() {
    #[generator]
    fn broken(fail: bool) -> impl Generator<u8, Yield = (), Return = ()> {
        if fail {
            panic!("cannot start");
        }
        loop {
            r#yield!(());
        }
    }
    let mut sched = ActorScheduler::new();
    let bad = sched.spawn("bad", broken(true)).unwrap();
    sched.spawn("good", broken(false)).unwrap();
    assert_eq!(sched.stats().failed, 1);
    assert!(!sched.is_running(bad));
    sched.send(bad, 1);
    sched.send("good", 2);
    let stats = sched.run();
    assert_eq!((stats.delivered, stats.dead_letters), (1, 1));
    let failure = sched.take_failures().pop().unwrap();
    assert!(failure.at_start());
    assert_eq!(
        (failure.actor(), failure.panic_message()),
        ("bad", "cannot start")
    );
}

/// A hand-written actor whose destructor panics: ending it must not unwind into `run`.
struct BadDrop;

impl Generator<u8> for BadDrop {
    type Yield = ();
    type Return = ();

    fn start(&mut self) -> GeneratorState<(), ()> {
        GeneratorState::Yielded(())
    }

    fn resume(&mut self, n: u8) -> GeneratorState<(), ()> {
        if n == 0 {
            GeneratorState::Complete(())
        } else {
            panic!("resume failed")
        }
    }
}

impl Drop for BadDrop {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            panic!("drop failed");
        }
    }
}

#[test]
fn a_destructor_that_panics_does_not_escape_the_scheduler() {
    let mut sched = ActorScheduler::new();
    sched.spawn("a", BadDrop).unwrap();
    sched.spawn("b", BadDrop).unwrap();
    sched.send("a", 0); // returns, then its drop panics
    sched.send("b", 1); // panics, then its drop panics
    let stats = sched.run();
    assert_eq!((stats.finished, stats.failed), (1, 1));
    assert_eq!(sched.take_failures()[0].panic_message(), "resume failed");
}

/// A message whose `Clone` panics for one value.
#[derive(Debug, PartialEq)]
struct Touchy(u8);

impl Clone for Touchy {
    fn clone(&self) -> Self {
        assert!(self.0 != 13, "unlucky clone");
        Touchy(self.0)
    }
}

#[test]
fn a_panicking_clone_while_capturing_fails_only_the_recipient() {
    #[generator]
    fn sink(seen: Rc<RefCell<Vec<u8>>>) -> impl Generator<Touchy, Yield = (), Return = ()> {
        loop {
            let Touchy(n) = r#yield!(());
            seen.borrow_mut().push(n);
        }
    }
    let seen = Rc::default();
    let mut sched = ActorScheduler::new();
    sched.capture_failed_messages();
    sched.spawn("a", sink(Rc::clone(&seen))).unwrap();
    sched.spawn("b", sink(Rc::clone(&seen))).unwrap();
    sched.send("a", Touchy(13));
    sched.send("b", Touchy(2));
    let stats = sched.run();
    assert_eq!(*seen.borrow(), [2]);
    assert_eq!((stats.failed, stats.delivered), (1, 2));
    let failure = sched.take_failures().pop().unwrap();
    assert_eq!(
        (failure.actor(), failure.panic_message()),
        ("a", "unlucky clone")
    );
}

/// A panic payload whose destructor panics.
struct LoudPayload;

impl Drop for LoudPayload {
    fn drop(&mut self) {
        panic!("payload dropped");
    }
}

#[test]
fn a_panic_payload_whose_drop_panics_does_not_escape() {
    #[generator]
    fn thrower() -> impl Generator<(), Yield = (), Return = ()> {
        r#yield!(());
        std::panic::panic_any(LoudPayload);
    }
    let mut sched = ActorScheduler::new();
    sched.spawn("t", thrower()).unwrap();
    sched.send("t", ());
    sched.send("t", ());
    let stats = sched.run();
    assert_eq!((stats.failed, stats.dead_letters), (1, 1));
}
