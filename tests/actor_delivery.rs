//! FIFO delivery, one message at a time, sends from outside and from inside actors, typed
//! messages with an enum.

use std::cell::RefCell;
use std::rc::Rc;

use gen_core::actor::{ActorScheduler, Addr, Context};
use gen_core::prelude::*;

type Log = Rc<RefCell<Vec<String>>>;

#[generator]
fn recorder(name: &'static str, log: Log) -> impl Generator<u32, Yield = (), Return = ()> {
    loop {
        let n = r#yield!(());
        log.borrow_mut().push(format!("{name}:{n}"));
    }
}

#[test]
fn messages_from_outside_arrive_in_the_order_sent() {
    let log = Log::default();
    let mut sched = ActorScheduler::new();
    let a = sched.spawn("a", recorder("a", log.clone())).unwrap();
    sched.spawn("b", recorder("b", log.clone())).unwrap();
    sched.send("b", 1);
    sched.send(a, 2);
    sched.send("a", 3);
    sched.send("b", 4);
    let stats = sched.run();
    assert_eq!(*log.borrow(), ["b:1", "a:2", "a:3", "b:4"]);
    assert_eq!(stats.delivered, 4);
    assert_eq!(sched.pending(), 0);
}

/// Forwards each message to `next` twice, logging before and after sending: if a send ran the
/// recipient at once (recursion), its entries would appear between ours.
#[generator]
fn relay(
    ctx: Context<u32>,
    next: &'static str,
    log: Log,
) -> impl Generator<u32, Yield = (), Return = ()> {
    loop {
        let n = r#yield!(());
        log.borrow_mut().push(format!("relay got {n}"));
        ctx.send(next, n * 10);
        ctx.send(next, n * 10 + 1);
        log.borrow_mut().push(format!("relay sent {n}"));
    }
}

#[test]
fn sends_from_inside_are_queued_behind_pending_messages() {
    let log = Log::default();
    let mut sched = ActorScheduler::new();
    sched.spawn("sink", recorder("sink", log.clone())).unwrap();
    let l = log.clone();
    sched
        .spawn_with("relay", move |ctx, _| relay(ctx, "sink", l))
        .unwrap();
    sched.send("relay", 1);
    sched.send("sink", 7); // queued before anything the relay sends
    sched.send("relay", 2);
    let stats = sched.run();
    assert_eq!(
        *log.borrow(),
        [
            "relay got 1",
            "relay sent 1",
            "sink:7",
            "relay got 2",
            "relay sent 2",
            "sink:10",
            "sink:11",
            "sink:20",
            "sink:21",
        ]
    );
    assert_eq!(stats.delivered, 7);
    assert_eq!(stats.max_pending, 4);
}

#[test]
fn step_delivers_exactly_one_message() {
    let log = Log::default();
    let mut sched = ActorScheduler::new();
    sched.spawn("a", recorder("a", log.clone())).unwrap();
    sched.send("a", 1);
    sched.send("a", 2);
    assert!(sched.step());
    assert_eq!(*log.borrow(), ["a:1"]);
    assert_eq!(sched.pending(), 1);
    assert!(sched.step());
    assert!(!sched.step());
    assert_eq!(sched.stats().delivered, 2);
}

#[test]
fn run_returns_at_once_when_nothing_is_pending() {
    let log = Log::default();
    let mut sched = ActorScheduler::new();
    sched.spawn("a", recorder("a", log.clone())).unwrap();
    let stats = sched.run();
    assert_eq!(stats.delivered, 0);
    assert!(log.borrow().is_empty());
    assert!(sched.is_running("a"));
}

#[test]
fn a_context_held_outside_sends_like_the_scheduler() {
    let log = Log::default();
    let mut sched = ActorScheduler::new();
    sched.spawn("a", recorder("a", log.clone())).unwrap();
    let ctx = sched.context();
    let addr = ctx.addr("a").unwrap();
    ctx.send(addr, 5);
    ctx.send(&"a".to_string(), 6);
    assert_eq!(sched.pending(), 2);
    sched.run();
    assert_eq!(*log.borrow(), ["a:5", "a:6"]);
}

/// Several kinds of message: one enum for the scheduler.
#[derive(Debug, Clone, PartialEq)]
enum Msg {
    Deposit(u64),
    Withdraw(u64),
    Report(&'static str),
    Balance(u64),
}

#[generator]
fn account(ctx: Context<Msg>) -> impl Generator<Msg, Yield = (), Return = ()> {
    let mut balance = 0u64;
    loop {
        match r#yield!(()) {
            Msg::Deposit(n) => balance += n,
            Msg::Withdraw(n) => balance = balance.saturating_sub(n),
            Msg::Report(to) => ctx.send(to, Msg::Balance(balance)),
            Msg::Balance(_) => {}
        }
    }
}

#[generator]
fn auditor(seen: Rc<RefCell<Vec<Msg>>>) -> impl Generator<Msg, Yield = (), Return = ()> {
    loop {
        let msg = r#yield!(());
        seen.borrow_mut().push(msg);
    }
}

#[test]
fn actors_taking_several_kinds_share_an_enum() {
    let seen = Rc::default();
    let mut sched = ActorScheduler::new();
    sched.spawn("auditor", auditor(Rc::clone(&seen))).unwrap();
    sched.spawn_with("account", |ctx, _| account(ctx)).unwrap();
    sched.send("account", Msg::Deposit(50));
    sched.send("account", Msg::Withdraw(20));
    sched.send("account", Msg::Report("auditor"));
    sched.send("account", Msg::Deposit(5));
    sched.send("account", Msg::Report("auditor"));
    sched.run();
    assert_eq!(*seen.borrow(), [Msg::Balance(30), Msg::Balance(35)]);
}

/// Ping-pong by address, each actor knowing its own address from `spawn_with`.
#[generator]
fn pinger(
    ctx: Context<(Addr, u32)>,
    me: Addr,
    log: Log,
) -> impl Generator<(Addr, u32), Yield = (), Return = ()> {
    loop {
        let (from, n) = r#yield!(());
        log.borrow_mut().push(format!("{me}<-{from}:{n}"));
        if n > 0 {
            ctx.send(from, (me, n - 1));
        }
    }
}

#[test]
fn actors_reply_to_the_sender_address_in_the_message() {
    let log = Log::default();
    let mut sched = ActorScheduler::new();
    let (l1, l2) = (log.clone(), log.clone());
    let ping = sched
        .spawn_with("ping", |ctx, me| pinger(ctx, me, l1))
        .unwrap();
    let pong = sched
        .spawn_with("pong", |ctx, me| pinger(ctx, me, l2))
        .unwrap();
    sched.send(ping, (pong, 3));
    let stats = sched.run();
    assert_eq!(
        *log.borrow(),
        ["#0<-#1:3", "#1<-#0:2", "#0<-#1:1", "#1<-#0:0"]
    );
    assert_eq!(stats.delivered, 4);
}
