//! The scheduler workload's contenders without tokio, shared by `benches/scheduler.rs` and
//! `examples/cycles.rs`: N tasks each yield M times, round-robin until all complete; each
//! function spawns the N tasks and runs them to the end.

use std::collections::VecDeque;
use std::hint::black_box;

use gen_core::prelude::*;
use gen_core::scheduler::Scheduler;

// --- the limit -------------------------------------------------------------------------------

trait Machine {
    /// One step; `true` when finished.
    fn step(&mut self) -> bool;
}

struct Countdown {
    left: u32,
}

impl Machine for Countdown {
    #[inline]
    fn step(&mut self) -> bool {
        if self.left == 0 {
            return true;
        }
        self.left -= 1;
        false
    }
}

pub fn limit(tasks: u32, yields: u32) {
    let mut queue: VecDeque<Box<dyn Machine>> = VecDeque::new();
    for _ in 0..tasks {
        queue.push_back(Box::new(Countdown {
            left: black_box(yields),
        }));
    }
    while let Some(mut task) = queue.pop_front() {
        if !task.step() {
            queue.push_back(task);
        }
    }
}

// --- gen-core ---------------------------------------------------------------------------------

#[generator]
fn countdown(yields: u32) -> impl Generator<Yield = (), Return = ()> {
    for _ in 0..yields {
        r#yield!(());
    }
}

pub fn ours_generator(tasks: u32, yields: u32) {
    let mut scheduler = Scheduler::new();
    for _ in 0..tasks {
        scheduler.spawn(countdown(black_box(yields)));
    }
    scheduler.run().unwrap();
}

/// [`ours_generator`] with tasks spawned without handles: one allocation per task.
pub fn ours_generator_detached(tasks: u32, yields: u32) {
    let mut scheduler = Scheduler::new();
    for _ in 0..tasks {
        scheduler.spawn_detached(countdown(black_box(yields)));
    }
    scheduler.run().unwrap();
}

struct HandCountdown {
    left: u32,
}

impl Generator for HandCountdown {
    type Yield = ();
    type Return = ();

    fn start(&mut self) -> GeneratorState<(), ()> {
        self.resume(())
    }

    #[inline]
    fn resume(&mut self, (): ()) -> GeneratorState<(), ()> {
        if self.left == 0 {
            return GeneratorState::Complete(());
        }
        self.left -= 1;
        GeneratorState::Yielded(())
    }
}

pub fn ours_hand(tasks: u32, yields: u32) {
    let mut scheduler = Scheduler::new();
    for _ in 0..tasks {
        scheduler.spawn(HandCountdown {
            left: black_box(yields),
        });
    }
    scheduler.run().unwrap();
}
