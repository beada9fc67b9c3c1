//! Seed 002's counter/printer without tokio, shared by `benches/actors.rs` and
//! `examples/cycles.rs`. Each `run(from)` counts down from `from` (2 x from + 1 messages)
//! and returns (messages delivered, the printer's total).

use std::cell::Cell;
use std::collections::VecDeque;
use std::rc::Rc;

use gen_core::actor::{ActorScheduler, Addr, Context};
use gen_core::prelude::*;

pub mod limit {
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

pub mod boxed_floor {
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

pub mod ours {
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
