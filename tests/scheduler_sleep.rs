//! Sleeping: `sleep(0)` yields once, deadlines wake in order, and a run where every task sleeps
//! parks the thread instead of spinning.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::{Duration, Instant};

use gen_core::prelude::*;
use gen_core::scheduler::{Event, Request, Scheduler, sleep, sleep_until, yield_now};

#[test]
fn sleep_zero_yields_exactly_once_and_sleep_at_least_once() {
    assert_eq!(sleep(Duration::ZERO).iter().count(), 1);
    let mut g = sleep(Duration::from_millis(1));
    assert!(g.start().is_yielded());
    assert_eq!(yield_now().iter().count(), 1);
    assert!(sleep_until(Instant::now()).iter().count() == 1);
}

#[generator]
fn napper(
    name: &'static str,
    ms: u64,
    out: Rc<RefCell<Vec<&'static str>>>,
) -> impl Generator<Yield = Request, Return = ()> {
    yield_from!(sleep(Duration::from_millis(ms)));
    out.borrow_mut().push(name);
}

#[test]
fn sleepers_wake_in_deadline_order_not_spawn_order() {
    let out = Rc::new(RefCell::new(Vec::new()));
    let mut scheduler = Scheduler::new();
    scheduler.spawn(napper("slow", 30, out.clone()));
    scheduler.spawn(napper("fast", 5, out.clone()));
    scheduler.spawn(napper("middle", 15, out.clone()));
    let started = Instant::now();
    scheduler.run().unwrap();
    assert!(started.elapsed() >= Duration::from_millis(30));
    assert_eq!(*out.borrow(), ["fast", "middle", "slow"]);
}

#[generator]
fn zero_sleeper(
    name: &'static str,
    rounds: u32,
    out: Rc<RefCell<Vec<String>>>,
) -> impl Generator<Yield = Request, Return = ()> {
    for i in 0..rounds {
        out.borrow_mut().push(format!("{name}{i}"));
        yield_from!(sleep(Duration::ZERO));
    }
}

#[test]
fn sleep_zero_lets_the_others_run_like_a_bare_yield() {
    let out = Rc::new(RefCell::new(Vec::new()));
    let mut scheduler = Scheduler::new();
    scheduler.spawn(zero_sleeper("a", 3, out.clone()));
    scheduler.spawn(zero_sleeper("b", 3, out.clone()));
    scheduler.run().unwrap();
    assert_eq!(*out.borrow(), ["a0", "b0", "a1", "b1", "a2", "b2"]);
}

/// CPU time this thread has used: `/proc/thread-self/schedstat` (nanoseconds on the CPU), so
/// the other tests running in parallel do not count. No crate needed.
fn thread_cpu_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat")
        .expect("this test reads /proc/thread-self/schedstat (Linux)");
    let ns: u64 = stat
        .split_whitespace()
        .next()
        .and_then(|field| field.parse().ok())
        .expect("schedstat starts with the time on CPU in ns");
    Duration::from_nanos(ns)
}

#[generator]
fn sleep_often(times: u32, ms: u64) -> impl Generator<Yield = Request, Return = u32> {
    for _ in 0..times {
        yield_from!(sleep(Duration::from_millis(ms)));
    }
    times
}

#[test]
fn a_run_of_sleeping_tasks_parks_instead_of_spinning() {
    let mut scheduler = Scheduler::new();
    let parks = Rc::new(RefCell::new(0u32));
    let counter = parks.clone();
    scheduler.set_observer(move |event| {
        if matches!(event, Event::Parked(_)) {
            *counter.borrow_mut() += 1;
        }
    });
    let a = scheduler.spawn(sleep_often(10, 20));
    let b = scheduler.spawn(sleep_often(5, 40));
    let cpu_before = thread_cpu_time();
    let wall_before = Instant::now();
    scheduler.run().unwrap();
    let wall = wall_before.elapsed();
    let cpu = thread_cpu_time() - cpu_before;

    assert_eq!(a.take_result(), Some(Ok(10)));
    assert_eq!(b.take_result(), Some(Ok(5)));
    assert!(wall >= Duration::from_millis(200), "slept {wall:?}");
    // A spinning scheduler would use about as much CPU as wall time.
    assert!(
        cpu * 10 < wall,
        "used {cpu:?} of CPU over {wall:?}: the scheduler spins"
    );
    assert!(*parks.borrow() >= 10);
}

#[generator]
fn busy(counter: Rc<RefCell<u32>>) -> impl Generator<Yield = (), Return = ()> {
    for _ in 0..1000 {
        *counter.borrow_mut() += 1;
        r#yield!(());
    }
}

#[test]
fn a_sleeper_wakes_while_others_keep_running() {
    let counter = Rc::new(RefCell::new(0u32));
    let out = Rc::new(RefCell::new(Vec::new()));
    let mut scheduler = Scheduler::new();
    scheduler.spawn(napper("nap", 0, out.clone()));
    scheduler.spawn(busy(counter.clone()));
    // The napper's deadline has passed by the second round: it must finish long before the
    // busy task's thousand steps.
    scheduler.run_steps(10).unwrap();
    assert_eq!(*out.borrow(), ["nap"]);
    assert!(*counter.borrow() < 10);
    scheduler.run().unwrap();
    assert_eq!(*counter.borrow(), 1000);
}

#[test]
fn a_sleeper_wakes_while_the_other_tasks_keep_yielding() {
    #[generator]
    fn spin_for(
        how_long: Duration,
        steps: Rc<Cell<u32>>,
    ) -> impl Generator<Yield = (), Return = ()> {
        let start = Instant::now();
        while start.elapsed() < how_long {
            steps.set(steps.get() + 1);
            r#yield!(());
        }
    }

    #[generator]
    fn nap(
        steps: Rc<Cell<u32>>,
        woke_at: Rc<Cell<Option<u32>>>,
    ) -> impl Generator<Yield = Request, Return = ()> {
        yield_from!(sleep(Duration::from_millis(1)));
        woke_at.set(Some(steps.get()));
    }

    let steps = Rc::new(Cell::new(0));
    let woke_at = Rc::new(Cell::new(None));
    let mut scheduler = Scheduler::new();
    scheduler.spawn(nap(steps.clone(), woke_at.clone()));
    scheduler.spawn(spin_for(Duration::from_millis(200), steps.clone()));
    scheduler.run().unwrap();
    // Timers are checked once per round while others run: the sleeper woke long before the
    // spinner stopped, not when the run queue emptied.
    let woke_at = woke_at.get().expect("the sleeper woke");
    assert!(
        woke_at < steps.get(),
        "woke at step {woke_at} of {}",
        steps.get()
    );
}
