//! Spawning, joining, cancelling, dropping; bounded runs; the step log.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use gen_core::prelude::*;
use gen_core::scheduler::{
    Event, NewTask, Queue, Request, RunError, Scheduler, TaskError, TaskHandle, TaskId, sleep,
    spawn,
};

/// Counts its drops; a generator that holds one shows when its saved values are dropped.
struct Tracked(Rc<Cell<u32>>);

impl Drop for Tracked {
    fn drop(&mut self) {
        self.0.set(self.0.get() + 1);
    }
}

impl std::fmt::Debug for Tracked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Tracked({} drops so far)", self.0.get())
    }
}

#[generator]
fn holds_forever(token: Tracked) -> impl Generator<Yield = (), Return = ()> {
    loop {
        r#yield!(());
        let _n = token.0.get();
    }
}

#[generator]
fn holds_while_sleeping(token: Tracked) -> impl Generator<Yield = Request, Return = ()> {
    yield_from!(sleep(Duration::from_secs(3600)));
    let _n = token.0.get();
}

#[generator]
fn holds_while_waiting(
    token: Tracked,
    queue: Queue<u8>,
) -> impl Generator<Yield = Request, Return = u8> {
    let item = yield_from!(queue.get());
    let _n = token.0.get();
    item
}

#[test]
fn cancelling_drops_the_generator_and_what_it_saved() {
    let drops = Rc::new(Cell::new(0));
    let queue = Queue::unbounded();
    let mut scheduler = Scheduler::new();
    let running = scheduler.spawn(holds_forever(Tracked(drops.clone())));
    let sleeping = scheduler.spawn(holds_while_sleeping(Tracked(drops.clone())));
    let waiting = scheduler.spawn(holds_while_waiting(Tracked(drops.clone()), queue.clone()));
    scheduler.run_steps(6).unwrap();
    assert_eq!(drops.get(), 0);

    assert!(scheduler.cancel(sleeping.id()));
    assert_eq!(drops.get(), 1);
    assert!(scheduler.cancel(waiting.id()));
    assert_eq!(drops.get(), 2);
    assert!(scheduler.cancel(running.id()));
    assert_eq!(drops.get(), 3);
    assert!(!scheduler.cancel(running.id()));
    assert!(scheduler.is_empty());
    assert_eq!(running.take_result(), Some(Err(TaskError::Cancelled)));
    assert_eq!(sleeping.take_result(), Some(Err(TaskError::Cancelled)));
    assert_eq!(waiting.take_result(), Some(Err(TaskError::Cancelled)));
    // A cancelled waiter is skipped when its queue wakes it later.
    queue.try_put(1).unwrap();
    scheduler.run().unwrap();
    assert_eq!(queue.len(), 1);
}

#[test]
fn dropping_the_scheduler_drops_every_pending_task() {
    let drops = Rc::new(Cell::new(0));
    let queue = Queue::unbounded();
    let mut scheduler = Scheduler::new();
    for _ in 0..3 {
        scheduler.spawn(holds_forever(Tracked(drops.clone())));
        scheduler.spawn(holds_while_sleeping(Tracked(drops.clone())));
        scheduler.spawn(holds_while_waiting(Tracked(drops.clone()), queue.clone()));
    }
    // Some tasks never ran: they are dropped too.
    scheduler.spawn(holds_forever(Tracked(drops.clone())));
    scheduler.run_steps(9).unwrap();
    assert_eq!(scheduler.len(), 10);
    assert_eq!(drops.get(), 0);
    drop(scheduler);
    assert_eq!(drops.get(), 10);
    // No tracker survives anywhere: nothing leaked.
    assert_eq!(Rc::strong_count(&drops), 1);
}

#[test]
fn completed_and_panicked_tasks_drop_their_generators_at_once() {
    #[generator]
    fn finish(token: Tracked, panics: bool) -> impl Generator<Yield = (), Return = ()> {
        r#yield!(());
        let _n = token.0.get();
        if panics {
            panic!("on purpose");
        }
    }

    let drops = Rc::new(Cell::new(0));
    let mut scheduler = Scheduler::new();
    scheduler.spawn(finish(Tracked(drops.clone()), false));
    scheduler.spawn(finish(Tracked(drops.clone()), true));
    scheduler.spawn(holds_forever(Tracked(drops.clone())));
    scheduler.run_steps(6).unwrap();
    assert_eq!(drops.get(), 2);
    assert_eq!(scheduler.len(), 1);
}

#[generator]
fn child(n: u32) -> impl Generator<Yield = (), Return = u32> {
    for _ in 0..n {
        r#yield!(());
    }
    n * 10
}

#[generator]
fn parent(log: Rc<RefCell<Vec<u32>>>) -> impl Generator<Yield = Request, Return = u32> {
    let a = yield_from!(spawn(child(3)));
    let b = yield_from!(spawn(child(1)));
    let b_value = yield_from!(b.join()).unwrap();
    log.borrow_mut().push(b_value);
    let a_value = yield_from!(a.join()).unwrap();
    log.borrow_mut().push(a_value);
    a_value + b_value
}

#[test]
fn a_task_spawns_children_and_joins_them() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let events = Rc::new(RefCell::new(Vec::new()));
    let sink = events.clone();
    let mut scheduler = Scheduler::new();
    scheduler.set_observer(move |event| {
        if let Event::Spawned { id, parent } = event {
            sink.borrow_mut().push((id.get(), parent.map(|p| p.get())));
        }
    });
    let p = scheduler.spawn(parent(log.clone()));
    scheduler.run().unwrap();
    assert_eq!(p.take_result(), Some(Ok(40)));
    assert_eq!(*log.borrow(), [10, 30]);
    assert_eq!(*events.borrow(), [(1, None), (2, Some(1)), (3, Some(1))]);
}

#[generator]
fn join_one(
    other: TaskHandle<u32>,
) -> impl Generator<Yield = Request, Return = Result<u32, TaskError>> {
    let result = yield_from!(other.join());
    result
}

#[test]
fn joining_a_panicked_cancelled_or_taken_task_gives_the_reason() {
    #[generator]
    fn boom() -> impl Generator<Yield = (), Return = u32> {
        r#yield!(());
        explode()
    }

    fn explode() -> u32 {
        panic!("kaput")
    }

    let mut scheduler = Scheduler::new();
    let crashing = scheduler.spawn(boom());
    let waits_crash = scheduler.spawn(join_one(crashing));
    let endless = scheduler.spawn(child(1_000_000));
    let waits_cancel = scheduler.spawn(join_one(endless.clone()));
    let quick = scheduler.spawn(child(0));
    let first = scheduler.spawn(join_one(quick.clone()));
    let second = scheduler.spawn(join_one(quick));
    scheduler.run_steps(20).unwrap();
    scheduler.cancel(endless.id());
    scheduler.run().unwrap();
    assert_eq!(
        waits_crash.take_result(),
        Some(Ok(Err(TaskError::Panicked("kaput".into()))))
    );
    assert_eq!(
        waits_cancel.take_result(),
        Some(Ok(Err(TaskError::Cancelled)))
    );
    assert_eq!(first.take_result(), Some(Ok(Ok(0))));
    assert_eq!(second.take_result(), Some(Ok(Err(TaskError::Taken))));
}

#[test]
fn a_task_cancels_another_and_itself() {
    #[generator]
    fn killer(
        victim: TaskHandle<()>,
        me: Rc<RefCell<Option<TaskHandle<()>>>>,
        reached: Rc<Cell<bool>>,
    ) -> impl Generator<Yield = Request, Return = ()> {
        r#yield!(Request::Yield);
        yield_from!(victim.cancel_task());
        let me = me.borrow_mut().take().unwrap();
        yield_from!(me.cancel_task());
        reached.set(true);
    }

    let drops = Rc::new(Cell::new(0));
    let reached = Rc::new(Cell::new(false));
    let slot = Rc::new(RefCell::new(None));
    let mut scheduler = Scheduler::new();
    let victim = scheduler.spawn(holds_forever(Tracked(drops.clone())));
    let k = scheduler.spawn(killer(victim.clone(), slot.clone(), reached.clone()));
    *slot.borrow_mut() = Some(k.clone());
    scheduler.run().unwrap();
    assert_eq!(drops.get(), 1);
    assert!(!reached.get());
    assert_eq!(victim.take_result(), Some(Err(TaskError::Cancelled)));
    assert_eq!(k.take_result(), Some(Err(TaskError::Cancelled)));
}

#[test]
fn run_steps_and_run_until_stop_where_asked() {
    let mut scheduler = Scheduler::new();
    let long = scheduler.spawn(child(100));
    let short = scheduler.spawn(child(5));
    assert_eq!(scheduler.run_steps(4).unwrap(), 4);
    assert!(!short.is_finished());
    scheduler.run_until(&short).unwrap();
    assert_eq!(short.take_result(), Some(Ok(50)));
    // Round-robin: the long task ran as often as the short one (6 resumes each).
    assert!(!long.is_finished());
    assert_eq!(scheduler.run_steps(94).unwrap(), 94);
    assert!(!long.is_finished());
    assert_eq!(scheduler.run_steps(10).unwrap(), 1);
    assert_eq!(long.take_result(), Some(Ok(1000)));

    // A task of another scheduler never finishes here.
    let mut other = Scheduler::new();
    let elsewhere = other.spawn(child(1));
    scheduler.spawn(child(1));
    assert_eq!(
        scheduler.run_until(&elsewhere),
        Err(RunError::NotHere(elsewhere.id()))
    );
}

/// The scheduler's step log, one line per event, as the seeds print it.
fn step_log(scheduler: &mut Scheduler) -> Rc<RefCell<Vec<String>>> {
    let lines = Rc::new(RefCell::new(Vec::new()));
    let sink = lines.clone();
    scheduler.set_observer(move |event| sink.borrow_mut().push(event.to_string()));
    lines
}

#[test]
fn the_step_log_reads_like_the_seeds() {
    #[generator]
    fn fails() -> impl Generator<Yield = (), Return = Result<u8, String>> {
        r#yield!(());
        Err("Not Found".to_string())
    }

    let mut scheduler = Scheduler::new();
    let lines = step_log(&mut scheduler);
    scheduler.spawn(child(1));
    scheduler.spawn_fallible(fails());
    scheduler.run().unwrap();
    assert_eq!(
        *lines.borrow(),
        [
            "spawned task 1",
            "spawned task 2",
            "Running task 1 ...",
            "now yielded",
            "Running task 2 ...",
            "now yielded",
            "Running task 1 ...",
            "completed with result: 10",
            "Running task 2 ...",
            "failed with exception: Not Found",
        ]
    );
}

#[test]
fn handles_and_the_scheduler_debug_print() {
    let mut scheduler = Scheduler::new();
    let h = scheduler.spawn(child(1));
    assert_eq!(
        format!("{h:?}"),
        "TaskHandle { id: TaskId(1), finished: false }"
    );
    assert_eq!(
        format!("{scheduler:?}"),
        "Scheduler { runnable: 1, sleeping: 0, waiting: 0, failures: {}, .. }"
    );
}

#[test]
fn a_panic_while_a_finished_task_is_judged_fails_that_task_only() {
    /// An error whose text cannot be made: the scheduler formats it as the task completes.
    struct Unprintable;

    impl std::fmt::Display for Unprintable {
        fn fmt(&self, _: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            panic!("no text for this error")
        }
    }

    #[generator]
    fn fails() -> impl Generator<Yield = (), Return = Result<u8, Unprintable>> {
        r#yield!(());
        Err(Unprintable)
    }

    let mut scheduler = Scheduler::new();
    let bad = scheduler.spawn_fallible(fails());
    let good = scheduler.spawn(child(2));
    scheduler.run().unwrap();
    assert_eq!(scheduler.failures()[&bad.id()], "no text for this error");
    assert!(matches!(
        bad.take_result(),
        Some(Err(TaskError::Panicked(message))) if message == "no text for this error"
    ));
    assert_eq!(good.take_result(), Some(Ok(20)));
}

#[test]
fn detached_tasks_complete_fail_and_are_cancelled_by_id() {
    #[generator]
    fn boom() -> impl Generator<Yield = (), Return = ()> {
        r#yield!(());
        panic!("detached and broken");
    }

    let drops = Rc::new(Cell::new(0));
    let mut scheduler = Scheduler::new();
    let done = scheduler.spawn_detached(child(1));
    let broken = scheduler.spawn_detached(boom());
    let forever = scheduler.spawn_detached(holds_forever(Tracked(drops.clone())));
    assert_eq!((done.get(), broken.get(), forever.get()), (1, 2, 3));
    scheduler.run_steps(4).unwrap();
    assert_eq!(scheduler.len(), 2, "task 1 has completed");
    assert!(scheduler.cancel(forever));
    assert_eq!(drops.get(), 1, "cancelling dropped the generator");
    scheduler.run().unwrap();
    assert!(scheduler.is_empty());
    assert_eq!(
        scheduler.failures().get(&broken).map(String::as_str),
        Some("detached and broken")
    );
    assert_eq!(scheduler.failures().len(), 1);
}

#[test]
fn a_detached_task_shows_its_result_in_the_step_log_and_drops_it_with_the_task() {
    #[generator]
    fn gives(token: Tracked) -> impl Generator<Yield = (), Return = Tracked> {
        r#yield!(());
        token
    }

    let drops = Rc::new(Cell::new(0));
    let mut scheduler = Scheduler::new();
    let lines = step_log(&mut scheduler);
    scheduler.spawn_detached(child(1));
    scheduler.spawn_detached(gives(Tracked(drops.clone())));
    scheduler.run().unwrap();
    assert_eq!(
        *lines.borrow(),
        [
            "spawned task 1",
            "spawned task 2",
            "Running task 1 ...",
            "now yielded",
            "Running task 2 ...",
            "now yielded",
            "Running task 1 ...",
            "completed with result: 10",
            "Running task 2 ...",
            "completed with result: Tracked(0 drops so far)",
        ]
    );
    assert_eq!(drops.get(), 1, "the result was dropped with its task");
    assert_eq!(Rc::strong_count(&drops), 1);
}

#[test]
fn a_task_spawns_a_detached_child() {
    #[generator]
    fn starter(ran: Rc<Cell<u32>>) -> impl Generator<Yield = Request, Return = ()> {
        r#yield!(Request::Spawn(NewTask::detached(counts(ran.clone()))));
        r#yield!(Request::Spawn(NewTask::detached(counts(ran))));
    }
    #[generator]
    fn counts(ran: Rc<Cell<u32>>) -> impl Generator<Yield = (), Return = ()> {
        r#yield!(());
        ran.set(ran.get() + 1);
    }

    let ran = Rc::new(Cell::new(0));
    let parents = Rc::new(RefCell::new(Vec::new()));
    let sink = parents.clone();
    let mut scheduler = Scheduler::new();
    scheduler.set_observer(move |event| {
        if let Event::Spawned { id, parent } = event {
            sink.borrow_mut().push((id.get(), parent.map(TaskId::get)));
        }
    });
    scheduler.spawn_detached(starter(ran.clone()));
    scheduler.run().unwrap();
    assert_eq!(ran.get(), 2);
    assert_eq!(*parents.borrow(), [(1, None), (2, Some(1)), (3, Some(1))]);
}
