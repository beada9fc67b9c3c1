//! Seed 002's counter/printer, counting down from `FROM`: 2 × FROM + 1 messages per run.
//! Reported per message (criterion's throughput is set to the message count).
//!
//! - `limit`: a hand-written `VecDeque` loop over hand-written state machines, statically
//!   dispatched: what the actor scheduler does with everything generic inlined away.
//! - `boxed_floor`: the limit's state machines behind `Box<dyn ..>`, fed from a shared
//!   `Rc<RefCell<VecDeque>>` in batches as `ActorScheduler` does: the floor for any scheduler
//!   that stores actors of different types behind a box (no names, stats or panic isolation).
//! - `gen_core_addr`: `ActorScheduler`, `#[generator]` actors sending by address.
//! - `gen_core_name`: the same, sending by name as in the seed (a hash lookup per send).
//! - `tokio_mpsc`: two tokio tasks over unbounded mpsc channels on a current-thread runtime.
//!
//! `cargo bench -p gen-benches --bench actors`; results in BENCHMARKS.md.

use std::cell::Cell;
use std::collections::VecDeque;
use std::hint::black_box;
use std::rc::Rc;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gen_core::actor::{ActorScheduler, Addr, Context};
use gen_core::prelude::*;

const FROM: u64 = 1_000_000;
const MESSAGES: u64 = 2 * FROM + 1;

mod limit {
    use super::*;

    const PRINTER: usize = 0;
    const COUNTER: usize = 1;

    /// The two actors as hand-written state machines.
    enum Actor {
        Printer { total: u64 },
        Counter,
        Done,
    }

    impl Actor {
        #[inline(always)]
        fn resume(&mut self, msg: u64, queue: &mut VecDeque<(usize, u64)>) {
            match self {
                Actor::Printer { total } => *total += msg,
                Actor::Counter => {
                    if msg == 0 {
                        *self = Actor::Done;
                    } else {
                        queue.push_back((PRINTER, msg));
                        queue.push_back((COUNTER, msg - 1));
                    }
                }
                Actor::Done => unreachable!("no message reaches a finished actor here"),
            }
        }
    }

    pub fn run(from: u64) -> (u64, u64) {
        let mut actors = [Actor::Printer { total: 0 }, Actor::Counter];
        let mut queue = VecDeque::new();
        queue.push_back((COUNTER, from));
        let mut delivered = 0;
        while let Some((to, msg)) = queue.pop_front() {
            delivered += 1;
            actors[to].resume(msg, &mut queue);
        }
        let Actor::Printer { total } = actors[PRINTER] else {
            unreachable!()
        };
        (delivered, total)
    }
}

mod boxed_floor {
    use super::*;
    use std::cell::RefCell;

    const PRINTER: usize = 0;
    const COUNTER: usize = 1;

    type Queue = Rc<RefCell<VecDeque<(usize, u64)>>>;

    trait Actor {
        fn resume(&mut self, msg: u64);
    }

    struct Printer(Rc<Cell<u64>>);

    impl Actor for Printer {
        fn resume(&mut self, msg: u64) {
            self.0.set(self.0.get() + msg);
        }
    }

    struct Counter(Queue);

    impl Actor for Counter {
        fn resume(&mut self, msg: u64) {
            if msg != 0 {
                self.0.borrow_mut().push_back((PRINTER, msg));
                self.0.borrow_mut().push_back((COUNTER, msg - 1));
            }
        }
    }

    pub fn run(from: u64) -> (u64, u64) {
        let queue = Queue::default();
        let total = Rc::new(Cell::new(0));
        let mut actors: Vec<Box<dyn Actor>> = vec![
            Box::new(Printer(Rc::clone(&total))),
            Box::new(Counter(Rc::clone(&queue))),
        ];
        queue.borrow_mut().push_back((COUNTER, from));
        let mut batch: VecDeque<(usize, u64)> = VecDeque::new();
        let mut delivered = 0;
        loop {
            while let Some((to, msg)) = batch.pop_front() {
                delivered += 1;
                actors[to].resume(msg);
            }
            let mut queue = queue.borrow_mut();
            if queue.is_empty() {
                break;
            }
            std::mem::swap(&mut *queue, &mut batch);
        }
        (delivered, total.get())
    }
}

mod ours {
    use super::*;

    #[generator]
    fn printer(total: Rc<Cell<u64>>) -> impl Generator<u64, Yield = (), Return = ()> {
        loop {
            let msg = r#yield!(());
            total.set(total.get() + msg);
        }
    }

    #[generator]
    fn counter_by_addr(
        ctx: Context<u64>,
        me: Addr,
        printer: Addr,
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

    #[generator]
    fn counter_by_name(sched: Context<u64>) -> impl Generator<u64, Yield = (), Return = ()> {
        loop {
            let n = r#yield!(());
            if n == 0 {
                break;
            }
            sched.send("printer", n);
            sched.send("counter", n - 1);
        }
    }

    pub fn run(from: u64, by_name: bool) -> (u64, u64) {
        let total = Rc::new(Cell::new(0));
        let mut sched = ActorScheduler::new();
        let p = sched.spawn("printer", printer(Rc::clone(&total))).unwrap();
        let c = if by_name {
            sched.spawn_with("counter", |ctx, _| counter_by_name(ctx))
        } else {
            sched.spawn_with("counter", |ctx, me| counter_by_addr(ctx, me, p))
        }
        .unwrap();
        sched.send(c, from);
        let stats = sched.run();
        (stats.delivered, total.get())
    }
}

mod peer {
    use tokio::sync::mpsc::unbounded_channel;

    pub async fn run(from: u64) -> (u64, u64) {
        let (printer_tx, mut printer_rx) = unbounded_channel::<u64>();
        let (counter_tx, mut counter_rx) = unbounded_channel::<u64>();
        let to_self = counter_tx.clone();
        let printer = tokio::spawn(async move {
            let (mut delivered, mut total) = (0, 0);
            while let Some(msg) = printer_rx.recv().await {
                delivered += 1;
                total += msg;
            }
            (delivered, total)
        });
        let counter = tokio::spawn(async move {
            let mut delivered = 0;
            while let Some(n) = counter_rx.recv().await {
                delivered += 1;
                if n == 0 {
                    break;
                }
                printer_tx.send(n).unwrap();
                to_self.send(n - 1).unwrap();
            }
            delivered // dropping the senders ends the printer
        });
        counter_tx.send(from).unwrap();
        drop(counter_tx);
        let counted = counter.await.unwrap();
        let (printed, total) = printer.await.unwrap();
        (counted + printed, total)
    }
}

fn check(result: (u64, u64)) {
    assert_eq!(result, (MESSAGES, FROM * (FROM + 1) / 2));
}

fn actors(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    // Each variant must do the same work before it is timed.
    check(limit::run(FROM));
    check(boxed_floor::run(FROM));
    check(ours::run(FROM, false));
    check(ours::run(FROM, true));
    check(runtime.block_on(peer::run(FROM)));

    let mut group = c.benchmark_group("actors_counter_printer_1e6");
    group.throughput(Throughput::Elements(MESSAGES));
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(3));
    group.bench_function("limit", |b| b.iter(|| limit::run(black_box(FROM))));
    group.bench_function("boxed_floor", |b| {
        b.iter(|| boxed_floor::run(black_box(FROM)))
    });
    group.bench_function("gen_core_addr", |b| {
        b.iter(|| ours::run(black_box(FROM), false))
    });
    group.bench_function("gen_core_name", |b| {
        b.iter(|| ours::run(black_box(FROM), true))
    });
    group.bench_function("tokio_mpsc", |b| {
        b.iter(|| runtime.block_on(peer::run(black_box(FROM))))
    });
    group.finish();
}

criterion_group!(benches, actors);
criterion_main!(benches);
