//! Dead letters: counted, retrievable with their recipient's name, never silently dropped.

use std::cell::RefCell;
use std::rc::Rc;

use gen_core::actor::{ActorScheduler, Addr, DeadLetterReason, SpawnError};
use gen_core::prelude::*;

#[generator]
fn takes(
    n: usize,
    log: Rc<RefCell<Vec<String>>>,
) -> impl Generator<String, Yield = (), Return = ()> {
    for _ in 0..n {
        let msg = r#yield!(());
        log.borrow_mut().push(msg);
    }
}

#[test]
fn a_message_to_an_unknown_name_is_a_dead_letter() {
    let mut sched = ActorScheduler::<String>::new();
    sched.send("nobody", "hello".into());
    assert_eq!(sched.pending(), 0);
    let stats = sched.run();
    assert_eq!(
        stats.dead_letters, 0,
        "it died at send time, before this run"
    );
    assert_eq!(sched.stats().dead_letters, 1);
    let letters = sched.take_dead_letters();
    assert_eq!(letters.len(), 1);
    assert_eq!(letters[0].recipient(), "nobody");
    assert_eq!(letters[0].addr(), None);
    assert_eq!(letters[0].reason(), DeadLetterReason::Unknown);
    assert_eq!(letters[0].message(), "hello");
    assert!(sched.take_dead_letters().is_empty(), "taken once");
    assert_eq!(sched.stats().dead_letters, 1, "the count stays");
}

#[test]
fn messages_after_an_actor_returns_are_dead_letters_in_order() {
    let log = Rc::default();
    let mut sched = ActorScheduler::new();
    let addr = sched.spawn("two", takes(2, Rc::clone(&log))).unwrap();
    for word in ["a", "b", "c", "d"] {
        sched.send(addr, word.to_string());
    }
    let stats = sched.run();
    assert_eq!(*log.borrow(), ["a", "b"]);
    assert_eq!(stats.delivered, 2);
    assert_eq!(stats.finished, 1);
    assert_eq!(stats.dead_letters, 2);
    assert!(!sched.is_running("two"));
    assert_eq!(sched.running(), 0);
    let letters = sched.take_dead_letters();
    let messages: Vec<_> = letters.iter().map(|l| l.message().as_str()).collect();
    assert_eq!(messages, ["c", "d"]);
    for letter in &letters {
        assert_eq!(letter.recipient(), "two");
        assert_eq!(letter.addr(), Some(addr));
        assert_eq!(letter.reason(), DeadLetterReason::Finished);
    }
    // By name, the finished actor is unknown.
    sched.send("two", "e".into());
    assert_eq!(
        sched.take_dead_letters()[0].reason(),
        DeadLetterReason::Unknown
    );
}

#[test]
fn a_new_actor_may_take_a_freed_name_and_old_addresses_stay_dead() {
    let log = Rc::default();
    let mut sched = ActorScheduler::new();
    let old = sched.spawn("w", takes(1, Rc::clone(&log))).unwrap();
    assert_eq!(
        sched.spawn("w", takes(1, Rc::clone(&log))),
        Err(SpawnError::NameTaken {
            name: "w".into(),
            by: old
        })
    );
    sched.send("w", "first".into());
    sched.run();
    let new = sched.spawn("w", takes(5, Rc::clone(&log))).unwrap();
    assert_ne!(old, new);
    sched.send(old, "to old".into());
    sched.send("w", "to new".into());
    let stats = sched.run();
    assert_eq!(*log.borrow(), ["first", "to new"]);
    assert_eq!(stats.dead_letters, 1);
    let letter = sched.take_dead_letters().pop().unwrap();
    assert_eq!((letter.addr(), letter.recipient()), (Some(old), "w"));
    assert_eq!(letter.into_message(), "to old");
}

#[test]
fn an_address_from_another_scheduler_is_a_dead_letter_not_a_panic() {
    let mut other = ActorScheduler::<String>::new();
    let log = Rc::default();
    let mut foreign: Option<Addr> = None;
    for i in 0..3 {
        foreign = Some(
            other
                .spawn(&format!("x{i}"), takes(1, Rc::clone(&log)))
                .unwrap(),
        );
    }
    let sched = ActorScheduler::<String>::new();
    sched.send(foreign.unwrap(), "lost?".into());
    assert_eq!(
        sched.pending(),
        0,
        "it dies at send time, as for an unknown name"
    );
    assert_eq!(sched.stats().dead_letters, 1);
    let letter = sched.take_dead_letters().pop().unwrap();
    assert_eq!(letter.recipient(), "#2");
    assert_eq!(letter.reason(), DeadLetterReason::Unknown);
}

#[test]
fn dead_letters_sent_from_inside_an_actor_are_recorded() {
    #[generator]
    fn misdirect(
        ctx: gen_core::actor::Context<String>,
    ) -> impl Generator<String, Yield = (), Return = ()> {
        loop {
            let msg = r#yield!(());
            ctx.send("missing", msg);
        }
    }
    let mut sched = ActorScheduler::new();
    sched.spawn_with("m", |ctx, _| misdirect(ctx)).unwrap();
    sched.send("m", "x".into());
    sched.send("m", "y".into());
    let stats = sched.run();
    assert_eq!((stats.delivered, stats.dead_letters), (2, 2));
    let names: Vec<String> = sched
        .take_dead_letters()
        .iter()
        .map(|l| format!("{}:{}", l.recipient(), l.message()))
        .collect();
    assert_eq!(names, ["missing:x", "missing:y"]);
}

#[test]
fn an_address_from_another_scheduler_is_a_dead_letter_not_another_actors_mail() {
    let mine = Rc::new(RefCell::new(Vec::new()));
    let theirs = Rc::new(RefCell::new(Vec::new()));
    let mut sched = ActorScheduler::<String>::new();
    let mut other = ActorScheduler::<String>::new();
    let my_addr = sched.spawn("a", takes(5, Rc::clone(&mine))).unwrap();
    let their_addr = other.spawn("a", takes(5, Rc::clone(&theirs))).unwrap();
    assert_eq!(my_addr.index(), their_addr.index(), "same slot in each");
    assert_ne!(my_addr, their_addr);

    sched.send(their_addr, "misdirected".into());
    sched.send(my_addr, "mine".into());
    sched.run();
    other.run();
    assert_eq!(*mine.borrow(), ["mine"]);
    assert!(theirs.borrow().is_empty(), "never crosses schedulers");

    let letters = sched.take_dead_letters();
    assert_eq!(letters.len(), 1);
    assert_eq!(letters[0].recipient(), "#0");
    assert_eq!(letters[0].addr(), Some(their_addr));
    assert_eq!(letters[0].reason(), DeadLetterReason::Unknown);
    assert_eq!(letters[0].message(), "misdirected");

    assert_eq!(sched.name(their_addr), None);
    assert!(!sched.is_running(their_addr));
    assert_eq!(other.name(their_addr), Some("a"));
    assert!(other.is_running(their_addr));
}
