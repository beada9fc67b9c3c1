//! Allocation-light: once tasks are spawned, stepping them allocates nothing (a counting
//! global allocator, in its own test binary so other tests are not affected).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::time::Duration;

use gen_core::prelude::*;
use gen_core::scheduler::{Queue, Request, Scheduler, sleep};

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<u64> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations() -> u64 {
    ALLOCATIONS.with(Cell::get)
}

#[generator]
fn spin() -> impl Generator<Yield = (), Return = ()> {
    loop {
        r#yield!(());
    }
}

#[generator]
fn nap_and_pass(queue: Queue<u32>) -> impl Generator<Yield = Request, Return = ()> {
    let mut n = 0;
    loop {
        yield_from!(sleep(Duration::ZERO));
        yield_from!(queue.put(n));
        let back = yield_from!(queue.get());
        n = back + 1;
    }
}

#[test]
fn plain_yields_allocate_nothing() {
    let mut scheduler = Scheduler::new();
    for _ in 0..100 {
        scheduler.spawn(spin());
    }
    scheduler.run_steps(1_000).unwrap();
    let before = allocations();
    scheduler.run_steps(100_000).unwrap();
    assert_eq!(allocations() - before, 0);
}

#[test]
fn sleep_zero_and_queue_round_trips_allocate_nothing() {
    let queue = Queue::bounded(4);
    let mut scheduler = Scheduler::new();
    for _ in 0..4 {
        scheduler.spawn(nap_and_pass(queue.clone()));
    }
    scheduler.run_steps(1_000).unwrap();
    let before = allocations();
    scheduler.run_steps(10_000).unwrap();
    assert_eq!(allocations() - before, 0);
}

#[generator]
fn ping(queue: Queue<u32>, rounds: u32) -> impl Generator<Yield = Request, Return = ()> {
    for n in 0..rounds {
        yield_from!(queue.put(n));
    }
}

#[generator]
fn pong(queue: Queue<u32>, rounds: u32) -> impl Generator<Yield = Request, Return = u32> {
    let mut sum = 0;
    for _ in 0..rounds {
        sum += yield_from!(queue.get());
    }
    sum
}

#[test]
fn blocking_and_waking_allocate_nothing_once_warm() {
    // A one-slot queue: the producer blocks on every other put, the consumer on every get.
    let queue = Queue::bounded(1);
    let mut scheduler = Scheduler::new();
    let sum = scheduler.spawn(pong(queue.clone(), 10_000));
    scheduler.spawn(ping(queue, 10_000));
    scheduler.run_steps(100).unwrap();
    let before = allocations();
    let blocked_before = scheduler.len();
    scheduler.run().unwrap();
    assert_eq!(allocations() - before, 0);
    assert_eq!(blocked_before, 2);
    assert_eq!(sum.take_result(), Some(Ok((0..10_000).sum())));
}

#[generator]
fn twice() -> impl Generator<Yield = (), Return = u32> {
    r#yield!(());
    r#yield!(());
    7
}

#[test]
fn a_detached_task_is_one_allocation_and_a_spawned_one_two() {
    let mut scheduler = Scheduler::new();
    // Grow the run queue first, so that spawning below allocates only tasks.
    for _ in 0..64 {
        scheduler.spawn_detached(twice());
    }
    scheduler.run().unwrap();

    let before = allocations();
    for _ in 0..10 {
        scheduler.spawn_detached(twice());
    }
    assert_eq!(allocations() - before, 10, "the generator's box alone");

    let before = allocations();
    let handles: Vec<_> = (0..10).map(|_| scheduler.spawn(twice())).collect();
    // Two per task (its box and the result it shares with its handle), and the Vec.
    assert_eq!(allocations() - before, 21);

    scheduler.run().unwrap();
    assert!(handles.iter().all(|h| h.take_result() == Some(Ok(7))));
}
