//! Seed 002's counter/printer: counting down needs constant stack depth and memory.

use std::cell::Cell;
use std::rc::Rc;

use gen_core::actor::{ActorScheduler, Context};
use gen_core::prelude::*;

#[generator]
fn printer(total: Rc<Cell<u64>>) -> impl Generator<u64, Yield = (), Return = ()> {
    loop {
        let msg = r#yield!(());
        total.set(total.get() + msg);
    }
}

#[generator]
fn counter(sched: Context<u64>) -> impl Generator<u64, Yield = (), Return = ()> {
    loop {
        let n = r#yield!(());
        if n == 0 {
            break;
        }
        sched.send("printer", n);
        sched.send("counter", n - 1);
    }
}

fn count_down(from: u64) -> (gen_core::actor::Stats, u64, ActorScheduler<u64>) {
    let total = Rc::default();
    let mut sched = ActorScheduler::new();
    sched.spawn("printer", printer(Rc::clone(&total))).unwrap();
    sched.spawn_with("counter", |ctx, _| counter(ctx)).unwrap();
    sched.send("counter", from);
    let stats = sched.run();
    (stats, total.get(), sched)
}

#[test]
fn counting_down_delivers_every_message_with_a_bounded_queue() {
    const FROM: u64 = 200_000;
    let (stats, total, sched) = count_down(FROM);
    // The counter gets FROM..=0, the printer FROM..=1.
    assert_eq!(stats.delivered, 2 * FROM + 1);
    assert_eq!(total, FROM * (FROM + 1) / 2);
    assert_eq!(stats.finished, 1);
    assert_eq!((stats.dead_letters, stats.failed), (0, 0));
    // Constant memory: never more than the two messages the counter just sent.
    assert_eq!(stats.max_pending, 2);
    assert!(sched.is_running("printer"));
    assert!(!sched.is_running("counter"));
}

#[test]
fn counting_down_runs_on_a_small_stack() {
    // Far past any recursion depth a 64 KiB stack could hold: a scheduler that resumed the
    // recipient inside `send` would overflow and abort the test process.
    let handle = std::thread::Builder::new()
        .stack_size(64 * 1024)
        .spawn(|| count_down(100_000).0.delivered)
        .unwrap();
    assert_eq!(handle.join().unwrap(), 200_001);
}

#[test]
fn sending_by_address_gives_the_same_result() {
    #[generator]
    fn counter_by_addr(
        ctx: Context<u64>,
        me: gen_core::actor::Addr,
        printer: gen_core::actor::Addr,
    ) -> impl Generator<u64, Yield = (), Return = ()> {
        loop {
            let n = r#yield!(());
            if n == 0 {
                break;
            }
            ctx.send(printer, n);
            ctx.send(me, n - 1);
        }
    }
    let total = Rc::default();
    let mut sched = ActorScheduler::new();
    let p = sched.spawn("printer", printer(Rc::clone(&total))).unwrap();
    let c = sched
        .spawn_with("counter", |ctx, me| counter_by_addr(ctx, me, p))
        .unwrap();
    sched.send(c, 1000);
    let stats = sched.run();
    assert_eq!(stats.delivered, 2001);
    assert_eq!(total.get(), 500_500);
}

#[test]
fn run_stats_are_per_run_and_totals_accumulate() {
    let total = Rc::default();
    let mut sched = ActorScheduler::new();
    sched.spawn("printer", printer(Rc::clone(&total))).unwrap();
    sched.send("printer", 1);
    sched.send("nobody", 1);
    let first = sched.run();
    sched.send("printer", 2);
    sched.send("printer", 3);
    let second = sched.run();
    assert_eq!((first.delivered, first.dead_letters), (1, 0));
    assert_eq!((second.delivered, second.dead_letters), (2, 0));
    let totals = sched.stats();
    assert_eq!((totals.delivered, totals.dead_letters), (3, 1));
    assert_eq!(totals.max_pending, 2);
}
