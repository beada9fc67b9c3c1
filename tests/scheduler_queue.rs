//! Queues: `get` waits while empty, `put` waits while full, blocked tasks are not resumed until
//! woken, and a run where nothing can ever wake reports the stuck tasks.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gen_core::prelude::*;
use gen_core::scheduler::{Event, Queue, Request, RunError, Scheduler, TaskId, WaitReason};

type Log = Rc<RefCell<Vec<String>>>;

#[generator]
fn producer(
    name: &'static str,
    queue: Queue<u32>,
    items: Vec<u32>,
    out: Log,
) -> impl Generator<Yield = Request, Return = ()> {
    for item in items {
        yield_from!(queue.put(item));
        out.borrow_mut().push(format!("{name} put {item}"));
    }
}

#[generator]
fn consumer(
    queue: Queue<u32>,
    count: usize,
    out: Log,
) -> impl Generator<Yield = Request, Return = Vec<u32>> {
    let mut got = Vec::new();
    while got.len() < count {
        let item = yield_from!(queue.get());
        out.borrow_mut().push(format!("got {item}"));
        got.push(item);
    }
    got
}

/// Counts how often each task is resumed.
fn count_runs(scheduler: &mut Scheduler) -> Rc<RefCell<Vec<TaskId>>> {
    let runs = Rc::new(RefCell::new(Vec::new()));
    let sink = runs.clone();
    scheduler.set_observer(move |event| {
        if let Event::Running(id) = event {
            sink.borrow_mut().push(*id);
        }
    });
    runs
}

#[test]
fn a_bounded_queue_makes_the_producer_wait_for_the_consumer() {
    let out: Log = Rc::default();
    let queue = Queue::bounded(1);
    let mut scheduler = Scheduler::new();
    scheduler.spawn(producer("p", queue.clone(), vec![1, 2, 3], out.clone()));
    let c = scheduler.spawn(consumer(queue.clone(), 3, out.clone()));
    scheduler.run().unwrap();
    assert_eq!(c.take_result(), Some(Ok(vec![1, 2, 3])));
    // The producer fills the single slot, blocks on the second put, and is woken by each get.
    assert_eq!(
        *out.borrow(),
        ["p put 1", "got 1", "p put 2", "got 2", "p put 3", "got 3"]
    );
    assert!(queue.is_empty());
}

#[test]
fn an_empty_queue_blocks_the_consumer_without_resuming_it() {
    let out: Log = Rc::default();
    let queue = Queue::unbounded();
    let mut scheduler = Scheduler::new();
    let runs = count_runs(&mut scheduler);
    let c = scheduler.spawn(consumer(queue.clone(), 2, out.clone()));
    // The consumer blocks at once; nothing else can run: stuck.
    let err = scheduler.run().unwrap_err();
    assert_eq!(err, RunError::Stuck(vec![(c.id(), WaitReason::QueueGet)]));
    assert_eq!(runs.borrow().len(), 1);
    assert_eq!(scheduler.len(), 1);

    // Feeding it from outside wakes it; it blocks again after the first item.
    queue.try_put(7).unwrap();
    assert!(scheduler.run().is_err());
    assert_eq!(runs.borrow().len(), 2);
    queue.try_put(8).unwrap();
    scheduler.run().unwrap();
    assert_eq!(c.take_result(), Some(Ok(vec![7, 8])));
    assert_eq!(runs.borrow().len(), 3);
}

#[generator]
fn spinner(rounds: u32) -> impl Generator<Yield = (), Return = ()> {
    for _ in 0..rounds {
        r#yield!(());
    }
}

#[test]
fn a_blocked_task_leaves_the_run_queue_while_others_run() {
    let out: Log = Rc::default();
    let queue = Queue::unbounded();
    let mut scheduler = Scheduler::new();
    let runs = count_runs(&mut scheduler);
    let c = scheduler.spawn(consumer(queue.clone(), 1, out.clone()));
    let s = scheduler.spawn(spinner(100));
    scheduler.run().unwrap_err();
    // The spinner ran 101 times; the consumer once, not once per round.
    let consumer_runs = runs.borrow().iter().filter(|id| **id == c.id()).count();
    let spinner_runs = runs.borrow().iter().filter(|id| **id == s.id()).count();
    assert_eq!((consumer_runs, spinner_runs), (1, 101));
}

#[test]
fn two_producers_one_consumer_deliver_everything_in_fifo_order() {
    let out: Log = Rc::default();
    let queue = Queue::bounded(2);
    let mut scheduler = Scheduler::new();
    scheduler.spawn(producer("a", queue.clone(), vec![1, 2, 3], out.clone()));
    scheduler.spawn(producer("b", queue.clone(), vec![10, 20, 30], out.clone()));
    let c = scheduler.spawn(consumer(queue.clone(), 6, out.clone()));
    scheduler.run().unwrap();
    let got = c.take_result().unwrap().unwrap();
    let mut sorted = got.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, [1, 2, 3, 10, 20, 30]);
    // Each producer's items arrive in its order.
    let a: Vec<u32> = got.iter().copied().filter(|n| *n < 10).collect();
    let b: Vec<u32> = got.iter().copied().filter(|n| *n >= 10).collect();
    assert_eq!((a, b), (vec![1, 2, 3], vec![10, 20, 30]));
    // The bound held: never more than 2 items put ahead of the gets.
    let mut depth: i32 = 0;
    for line in out.borrow().iter() {
        depth += if line.starts_with("got") { -1 } else { 1 };
        assert!((0..=2).contains(&depth), "{:?}", out.borrow());
    }
}

#[generator]
fn joiner(
    other: gen_core::scheduler::TaskHandle<()>,
) -> impl Generator<Yield = Request, Return = ()> {
    let _ = yield_from!(other.join());
}

#[test]
fn stuck_error_names_every_waiting_task_and_what_it_waits_for() {
    let out: Log = Rc::default();
    let empty = Queue::unbounded();
    let full = Queue::bounded(1);
    full.try_put(0).unwrap();
    let mut scheduler = Scheduler::new();
    let c = scheduler.spawn(consumer(empty, 1, out.clone()));
    let p = scheduler.spawn(producer("p", full, vec![1], out.clone()));
    // A task waiting for a stuck task is stuck too.
    let j = scheduler.spawn(joiner(p.clone()));
    let err = scheduler.run().unwrap_err();
    assert_eq!(
        err,
        RunError::Stuck(vec![
            (c.id(), WaitReason::QueueGet),
            (p.id(), WaitReason::QueuePut),
            (j.id(), WaitReason::Join(p.id())),
        ])
    );
    assert_eq!(
        err.to_string(),
        "no task can ever run again: task 1 is waiting to get from an empty queue, \
         task 2 is waiting to put into a full queue, task 3 is waiting for task 2 to finish"
    );
    // The stuck tasks stay; cancelling the producer frees the joiner.
    assert_eq!(scheduler.len(), 3);
    assert!(scheduler.cancel(p.id()));
    let err = scheduler.run().unwrap_err();
    assert_eq!(err, RunError::Stuck(vec![(c.id(), WaitReason::QueueGet)]));
    assert!(j.is_finished());
}

#[test]
fn a_woken_getter_that_loses_the_race_waits_again() {
    let out: Log = Rc::default();
    let queue = Queue::unbounded();
    let mut scheduler = Scheduler::new();
    let first = scheduler.spawn(consumer(queue.clone(), 1, out.clone()));
    let second = scheduler.spawn(consumer(queue.clone(), 1, out.clone()));
    assert!(scheduler.run().is_err());
    queue.try_put(1).unwrap(); // wakes both; only one gets it
    let err = scheduler.run().unwrap_err();
    assert_eq!(
        err,
        RunError::Stuck(vec![(second.id(), WaitReason::QueueGet)])
    );
    assert_eq!(first.take_result(), Some(Ok(vec![1])));
    queue.try_put(2).unwrap();
    scheduler.run().unwrap();
    assert_eq!(second.take_result(), Some(Ok(vec![2])));
}

#[test]
fn one_queue_connects_tasks_of_two_schedulers() {
    let out: Log = Rc::default();
    let queue = Queue::unbounded();
    let mut consumers = Scheduler::new();
    let mut producers = Scheduler::new();
    let c = consumers.spawn(consumer(queue.clone(), 2, out.clone()));
    assert!(consumers.run().is_err()); // waits: nothing in its scheduler can feed it
    producers.spawn(producer("p", queue.clone(), vec![5, 6], out.clone()));
    producers.run().unwrap();
    // The puts woke the consumer in its own scheduler.
    consumers.run().unwrap();
    assert_eq!(c.take_result(), Some(Ok(vec![5, 6])));
}

#[test]
fn the_step_log_shows_waiting_and_waking() {
    let out: Log = Rc::default();
    let queue = Queue::bounded(1);
    let lines = Rc::new(RefCell::new(Vec::new()));
    let sink = lines.clone();
    let mut scheduler = Scheduler::new();
    scheduler.set_observer(move |event| sink.borrow_mut().push(format!("{event:?}")));
    scheduler.spawn(consumer(queue.clone(), 1, out.clone()));
    scheduler.spawn(producer("p", queue, vec![1], out));
    scheduler.run().unwrap();
    assert_eq!(
        *lines.borrow(),
        [
            "Spawned { id: TaskId(1), parent: None }",
            "Spawned { id: TaskId(2), parent: None }",
            "Running(TaskId(1))",
            "Waiting(TaskId(1), QueueGet)",
            "Running(TaskId(2))",
            "Completed { id: TaskId(2), result: Some(()) }",
            "Woken(TaskId(1))",
            "Running(TaskId(1))",
            "Completed { id: TaskId(1), result: Some([1]) }",
        ]
    );
}

/// Yields `rounds` times, counting its steps in `steps`.
#[generator]
fn counted_spinner(rounds: u32, steps: Rc<Cell<u32>>) -> impl Generator<Yield = (), Return = ()> {
    for _ in 0..rounds {
        steps.set(steps.get() + 1);
        r#yield!(());
    }
}

/// Puts one item at its first step, then keeps yielding.
#[generator]
fn put_then_spin(queue: Queue<u32>, rounds: u32) -> impl Generator<Yield = Request, Return = ()> {
    yield_from!(queue.put(7));
    for _ in 0..rounds {
        r#yield!(Request::Yield);
    }
}

#[test]
fn a_task_woken_by_a_plain_step_runs_in_the_next_round() {
    let queue = Queue::unbounded();
    let steps = Rc::new(Cell::new(0));
    let spinner_steps = steps.clone();
    let seen_at = Rc::new(Cell::new(None));
    let seen = seen_at.clone();
    #[generator]
    fn getter(
        queue: Queue<u32>,
        steps: Rc<Cell<u32>>,
        seen: Rc<Cell<Option<u32>>>,
    ) -> impl Generator<Yield = Request, Return = u32> {
        let item = yield_from!(queue.get());
        seen.set(Some(steps.get()));
        item
    }
    let mut scheduler = Scheduler::new();
    let got = scheduler.spawn(getter(queue.clone(), spinner_steps, seen));
    scheduler.spawn(counted_spinner(1000, steps.clone()));
    scheduler.spawn(put_then_spin(queue, 1000));
    scheduler.run().unwrap();
    assert_eq!(got.take_result(), Some(Ok(7)));
    // Round 1: the getter waits, the spinner steps, the putter wakes the getter, which joins
    // the back of the run queue; round 2: the spinner steps, the putter, then the getter. Not
    // after the others are done (1000).
    assert_eq!(seen_at.get(), Some(2));
}
