//! The first-resume rule: `spawn` starts the actor, so its first message answers its first
//! `r#yield!` and nothing is lost.

use std::cell::RefCell;
use std::rc::Rc;

use gen_core::GeneratorState;
use gen_core::actor::{ActorScheduler, Context, DeadLetterReason};
use gen_core::prelude::*;

type Log = Rc<RefCell<Vec<String>>>;

#[generator]
fn first_message_keeper(log: Log) -> impl Generator<u32, Yield = (), Return = ()> {
    log.borrow_mut().push("prologue".into());
    let first = r#yield!(());
    log.borrow_mut().push(format!("first {first}"));
    let second = r#yield!(());
    log.borrow_mut().push(format!("second {second}"));
}

#[test]
fn spawn_runs_the_prologue_and_the_first_message_is_not_lost() {
    let log = Log::default();
    let mut sched = ActorScheduler::new();
    sched.spawn("k", first_message_keeper(log.clone())).unwrap();
    assert_eq!(*log.borrow(), ["prologue"], "spawn primes the actor");
    sched.send("k", 1);
    sched.send("k", 2);
    let stats = sched.run();
    assert_eq!(*log.borrow(), ["prologue", "first 1", "second 2"]);
    assert_eq!(stats.delivered, 2);
    assert_eq!(stats.finished, 1);
    assert_eq!(stats.dead_letters, 0);
}

/// A hand-written actor that checks it is driven by the rule: `start` once, then `resume`.
struct Strict {
    started: bool,
    got: Rc<RefCell<Vec<u8>>>,
}

impl Generator<u8> for Strict {
    type Yield = ();
    type Return = ();

    fn start(&mut self) -> GeneratorState<(), ()> {
        assert!(!self.started, "started twice");
        self.started = true;
        GeneratorState::Yielded(())
    }

    fn resume(&mut self, arg: u8) -> GeneratorState<(), ()> {
        assert!(self.started, "resumed before start");
        self.got.borrow_mut().push(arg);
        GeneratorState::Yielded(())
    }
}

#[test]
fn the_scheduler_starts_before_it_resumes() {
    let got = Rc::default();
    let mut sched = ActorScheduler::new();
    let strict = Strict {
        started: false,
        got: Rc::clone(&got),
    };
    sched.spawn("strict", strict).unwrap();
    sched.send("strict", 9);
    sched.send("strict", 8);
    let stats = sched.run();
    assert_eq!(stats.failed, 0, "{:?}", sched.take_failures());
    assert_eq!(*got.borrow(), [9, 8]);
}

#[generator]
fn announcer(ctx: Context<u32>) -> impl Generator<u32, Yield = (), Return = ()> {
    // Sent while priming: the name is already registered, so this reaches the actor itself.
    ctx.send("announcer", 100);
    ctx.send("listener", 1);
    loop {
        let n = r#yield!(());
        ctx.send("listener", n);
    }
}

#[generator]
fn listener(log: Rc<RefCell<Vec<u32>>>) -> impl Generator<u32, Yield = (), Return = ()> {
    loop {
        let n = r#yield!(());
        log.borrow_mut().push(n);
    }
}

#[test]
fn messages_sent_while_priming_are_queued() {
    let log = Rc::default();
    let mut sched = ActorScheduler::new();
    sched.spawn("listener", listener(Rc::clone(&log))).unwrap();
    sched
        .spawn_with("announcer", |ctx, _| announcer(ctx))
        .unwrap();
    assert_eq!(sched.pending(), 2);
    let stats = sched.run();
    assert_eq!(*log.borrow(), [1, 100]);
    assert_eq!(stats.dead_letters, 0);
}

#[generator]
fn returns_at_once() -> impl Generator<u32, Yield = (), Return = ()> {}

#[test]
fn an_actor_that_returns_while_starting_is_finished_and_its_name_is_free() {
    let mut sched = ActorScheduler::new();
    let addr = sched.spawn("quick", returns_at_once()).unwrap();
    assert!(!sched.is_running(addr));
    assert_eq!(sched.stats().finished, 1);
    sched.send(addr, 1);
    sched.send("quick", 2);
    sched.run();
    let letters = sched.take_dead_letters();
    assert_eq!(letters.len(), 2);
    assert_eq!(letters[0].reason(), DeadLetterReason::Unknown);
    assert_eq!(letters[0].message(), &2, "the name send fails at once");
    assert_eq!(letters[1].reason(), DeadLetterReason::Finished);
    assert_eq!(letters[1].recipient(), "quick");
    // The name is free for a new actor.
    let log = Rc::default();
    assert!(sched.spawn("quick", listener(Rc::clone(&log))).is_ok());
}
