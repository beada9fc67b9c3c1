//! The round-robin scheduler itself.

use core::cmp::Ordering;
use core::fmt::{self, Debug, Display};
use std::collections::{BTreeMap, BinaryHeap, HashMap, VecDeque};
use std::time::Instant;

use super::error::RunError;
use super::event::Event;
use super::request::{Request, WaitReason};
use super::task::{self, NewTask, RawTask, Step, TaskHandle, TaskId};
use super::wait::WakeSink;
use crate::Generator;

/// A task in the scheduler's hands: just the box (16 bytes), as in the hand-written limit;
/// its id lives inside, read only on slow paths.
type Entry = Box<dyn RawTask>;

/// A sleeping task; the heap is a min-heap on `(deadline, seq)`, so equal deadlines wake in
/// the order they were set.
struct Sleeper {
    deadline: Instant,
    seq: u64,
    entry: Entry,
}

impl PartialEq for Sleeper {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Sleeper {}

impl PartialOrd for Sleeper {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Sleeper {
    fn cmp(&self, other: &Self) -> Ordering {
        // Reversed: `BinaryHeap` is a max-heap.
        (other.deadline, other.seq).cmp(&(self.deadline, self.seq))
    }
}

type Observer = Box<dyn FnMut(&Event<'_>)>;

/// The round-robin deque scheduler: the seeds' `TaskScheduler`/`Scheduler`, a mini asyncio.
///
/// Runnable tasks wait in a FIFO [`VecDeque`]; each step resumes the front task once and acts
/// on what it yielded (see [`Request`]): back of the queue, asleep until a deadline, blocked on
/// a [`WaitList`](super::WaitList), or finished. See the [module docs](super) for the design.
///
/// ```
/// use gen_core::prelude::*;
/// use gen_core::scheduler::Scheduler;
/// use std::cell::RefCell;
/// use std::rc::Rc;
///
/// #[generator]
/// fn count(name: &'static str, n: u32, log: Rc<RefCell<Vec<String>>>) -> impl Generator<Yield = (), Return = u32> {
///     for i in 0..n {
///         log.borrow_mut().push(format!("{name}{i}"));
///         r#yield!(());
///     }
///     n
/// }
///
/// let log = Rc::new(RefCell::new(Vec::new()));
/// let mut scheduler = Scheduler::new();
/// let a = scheduler.spawn(count("a", 2, log.clone()));
/// let b = scheduler.spawn(count("b", 3, log.clone()));
/// scheduler.run().unwrap();
/// assert_eq!(*log.borrow(), ["a0", "b0", "a1", "b1", "b2"]);
/// assert_eq!(a.take_result(), Some(Ok(2)));
/// assert_eq!(b.take_result(), Some(Ok(3)));
/// ```
pub struct Scheduler {
    ready: VecDeque<Entry>,
    sleeping: BinaryHeap<Sleeper>,
    blocked: HashMap<TaskId, (Entry, WaitReason)>,
    /// Filled by [`WaitList::notify_all`](super::WaitList::notify_all); drained after each step.
    wakes: WakeSink,
    /// The buffer `wakes` is swapped into, kept for its capacity.
    woken: Vec<TaskId>,
    failures: BTreeMap<TaskId, String>,
    next_id: u64,
    sleep_seq: u64,
    /// Steps left before the sleepers are checked again: once per round, as asyncio checks its
    /// timers once per loop iteration, so a clock read is not paid on every step.
    timer_countdown: usize,
    observer: Option<Observer>,
    /// Where [`RawTask::step_fast`] leaves a step that is not a plain yield.
    slow: Option<Step>,
}

impl Default for Scheduler {
    fn default() -> Self {
        Self::new()
    }
}

impl Scheduler {
    /// An empty scheduler.
    ///
    /// ```
    /// let scheduler = gen_core::scheduler::Scheduler::new();
    /// assert!(scheduler.is_empty());
    /// ```
    pub fn new() -> Self {
        Scheduler {
            ready: VecDeque::new(),
            sleeping: BinaryHeap::new(),
            blocked: HashMap::new(),
            wakes: WakeSink::default(),
            woken: Vec::new(),
            failures: BTreeMap::new(),
            next_id: 0,
            sleep_seq: 0,
            timer_countdown: 0,
            observer: None,
            slow: None,
        }
    }

    /// Adds a task at the back of the run queue and returns its typed handle. The generator
    /// is resumed with `()` and may yield anything that converts into a [`Request`] (`()` is a
    /// plain yield). The task fails only if it panics; its result is shown in the step log
    /// with `Debug`.
    ///
    /// ```
    /// use gen_core::prelude::*;
    ///
    /// #[generator]
    /// fn seven() -> impl Generator<Yield = (), Return = u8> {
    ///     7
    /// }
    ///
    /// let mut scheduler = gen_core::scheduler::Scheduler::new();
    /// let handle = scheduler.spawn(seven());
    /// scheduler.run().unwrap();
    /// assert_eq!(handle.take_result(), Some(Ok(7)));
    /// ```
    pub fn spawn<G>(&mut self, generator: G) -> TaskHandle<G::Return>
    where
        G: Generator + 'static,
        G::Yield: Into<Request>,
        G::Return: Debug,
    {
        let (task, handle) = NewTask::new(generator);
        self.admit(task, None);
        handle
    }

    /// Like [`spawn`](Scheduler::spawn), for a generator returning `Result`: a task that
    /// returns `Err` counts as failed, like a task that panics. Its message (the error's
    /// `Display`) is recorded in [`failures`](Scheduler::failures) and reported as `Failed`,
    /// and the typed `Err` stays its result. This is the seeds' `async_search`, whose
    /// "not found" is an exception.
    ///
    /// The rule: a task fails when it panics, or when it was spawned with `spawn_fallible`
    /// and returned `Err`. A plain [`spawn`](Scheduler::spawn) of a `Result`-returning
    /// generator treats `Err` as an ordinary value.
    ///
    /// ```
    /// use gen_core::prelude::*;
    ///
    /// #[generator]
    /// fn find(xs: Vec<u32>, wanted: u32) -> impl Generator<Yield = (), Return = Result<usize, String>> {
    ///     for (i, x) in xs.into_iter().enumerate() {
    ///         if x == wanted {
    ///             return Ok(i);
    ///         }
    ///         r#yield!(());
    ///     }
    ///     Err(format!("{wanted} not found"))
    /// }
    ///
    /// let mut scheduler = gen_core::scheduler::Scheduler::new();
    /// let found = scheduler.spawn_fallible(find(vec![1, 2, 3], 3));
    /// let missing = scheduler.spawn_fallible(find(vec![1, 2, 3], 4));
    /// scheduler.run().unwrap();
    /// assert_eq!(found.take_result(), Some(Ok(Ok(2))));
    /// assert_eq!(missing.take_result(), Some(Ok(Err("4 not found".to_string()))));
    /// assert_eq!(scheduler.failures().get(&missing.id()).map(String::as_str), Some("4 not found"));
    /// assert!(!scheduler.failures().contains_key(&found.id()));
    /// ```
    pub fn spawn_fallible<G, V, E>(&mut self, generator: G) -> TaskHandle<Result<V, E>>
    where
        G: Generator<Return = Result<V, E>> + 'static,
        G::Yield: Into<Request>,
        V: Debug + 'static,
        E: Display + 'static,
    {
        let (task, handle) = NewTask::fallible(generator);
        self.admit(task, None);
        handle
    }

    /// Like [`spawn`](Scheduler::spawn), for a result type without `Debug` (the step log
    /// does not show it).
    ///
    /// ```
    /// struct Opaque;
    /// let g = gen_core::from_iter(std::iter::empty::<()>());
    /// let mut scheduler = gen_core::scheduler::Scheduler::new();
    /// let handle = scheduler.spawn_opaque(g);
    /// scheduler.run().unwrap();
    /// assert!(handle.is_finished());
    /// # let _ = Opaque;
    /// ```
    pub fn spawn_opaque<G>(&mut self, generator: G) -> TaskHandle<G::Return>
    where
        G: Generator + 'static,
        G::Yield: Into<Request>,
    {
        let (task, handle) = NewTask::opaque(generator);
        self.admit(task, None);
        handle
    }

    /// Like [`spawn`](Scheduler::spawn), without a handle: for a task whose result nothing
    /// will ask for (the slides' `scheduler.add_task(task)`). Returns its id, which is enough
    /// to cancel it. Its id and result live in the task ([`NewTask::detached`]): one allocation per task
    /// instead of two, which shows with many short tasks (`BENCHMARKS.md`).
    ///
    /// ```
    /// let mut scheduler = gen_core::scheduler::Scheduler::new();
    /// let id = scheduler.spawn_detached(gen_core::from_iter([(); 3]));
    /// assert_eq!(id.get(), 1);
    /// scheduler.run().unwrap();
    /// assert!(scheduler.is_empty());
    /// ```
    pub fn spawn_detached<G>(&mut self, generator: G) -> TaskId
    where
        G: Generator + 'static,
        G::Yield: Into<Request>,
        G::Return: Debug,
    {
        self.admit(NewTask::detached(generator), None)
    }

    /// Admits a task made with [`NewTask`] and returns its id.
    ///
    /// ```
    /// use gen_core::scheduler::{NewTask, Scheduler};
    ///
    /// let (task, handle) = NewTask::new(gen_core::from_iter([(); 2]));
    /// let mut scheduler = Scheduler::new();
    /// let id = scheduler.spawn_new(task);
    /// assert_eq!(handle.id(), id);
    /// ```
    pub fn spawn_new(&mut self, task: NewTask) -> TaskId {
        self.admit(task, None)
    }

    fn admit(&mut self, task: NewTask, parent: Option<TaskId>) -> TaskId {
        self.next_id += 1;
        let id = TaskId(self.next_id);
        task.task.bind(id);
        self.ready.push_back(task.task);
        self.emit(&Event::Spawned { id, parent });
        id
    }

    /// Runs until no task is left. Tasks that panic or fail are recorded and the others keep
    /// running. When every task sleeps the thread sleeps until the earliest deadline; when no
    /// task can ever run again, returns [`RunError::Stuck`] naming them.
    ///
    /// ```
    /// let mut scheduler = gen_core::scheduler::Scheduler::new();
    /// scheduler.spawn(gen_core::from_iter([(); 3]));
    /// scheduler.run().unwrap();
    /// assert!(scheduler.is_empty());
    /// ```
    pub fn run(&mut self) -> Result<(), RunError> {
        loop {
            if self.observer.is_none() && self.sleeping.is_empty() {
                self.run_unobserved_awake();
            }
            if let Some(entry) = self.ready.pop_front() {
                self.step_one(entry);
            } else if !self.idle()? {
                return Ok(());
            }
        }
    }

    /// [`step_one`](Scheduler::step_one) for as long as no observer looks on and no task
    /// sleeps, without checking either after each step: neither changes during a plain yield.
    /// Returns after any other step (which may have put its task to sleep) and when the run
    /// queue is empty.
    #[inline(always)]
    fn run_unobserved_awake(&mut self) {
        while let Some(mut entry) = self.ready.pop_front() {
            if task::step_fast(&mut *entry, &mut self.slow) {
                self.ready.push_back(entry);
                if self.wakes.pending() {
                    self.drain_wakes();
                }
            } else {
                self.step_slow(entry);
                if self.wakes.pending() {
                    self.drain_wakes();
                }
                return;
            }
        }
    }

    /// Runs at most `steps` steps (task resumptions) and returns how many ran: fewer when no
    /// task is left. Sleeps like [`run`](Scheduler::run) when every task sleeps.
    ///
    /// ```
    /// let mut scheduler = gen_core::scheduler::Scheduler::new();
    /// let h = scheduler.spawn(gen_core::from_iter([(); 3])); // 3 yields, then completes
    /// assert_eq!(scheduler.run_steps(2).unwrap(), 2);
    /// assert!(!h.is_finished());
    /// assert_eq!(scheduler.run_steps(10).unwrap(), 2);
    /// assert!(h.is_finished());
    /// ```
    pub fn run_steps(&mut self, steps: usize) -> Result<usize, RunError> {
        let mut done = 0;
        while done < steps {
            if let Some(entry) = self.ready.pop_front() {
                self.step_one(entry);
                done += 1;
            } else if !self.idle()? {
                break;
            }
        }
        Ok(done)
    }

    /// Runs until the task of `handle` has finished (completed, failed or been cancelled);
    /// the other tasks run meanwhile and may be left unfinished. Take the result from the
    /// handle.
    ///
    /// ```
    /// use gen_core::prelude::*;
    ///
    /// #[generator]
    /// fn forever() -> impl Generator<Yield = (), Return = ()> {
    ///     loop {
    ///         r#yield!(());
    ///     }
    /// }
    ///
    /// let mut scheduler = gen_core::scheduler::Scheduler::new();
    /// scheduler.spawn(forever());
    /// let short = scheduler.spawn(gen_core::from_iter([(); 3]));
    /// scheduler.run_until(&short).unwrap();
    /// assert!(short.is_finished());
    /// assert_eq!(scheduler.len(), 1);
    /// ```
    pub fn run_until<T>(&mut self, handle: &TaskHandle<T>) -> Result<(), RunError> {
        while !handle.is_finished() {
            if let Some(entry) = self.ready.pop_front() {
                self.step_one(entry);
            } else if !self.idle()? {
                return Err(RunError::NotHere(handle.id()));
            }
        }
        Ok(())
    }

    /// Cancels a task: drops its generator (and what it holds) now; its handles report
    /// [`TaskError::Cancelled`](super::TaskError::Cancelled) and its joiners wake. Returns
    /// `false` if no live task has this id. From inside a task, use
    /// [`TaskHandle::cancel_task`].
    ///
    /// ```
    /// use gen_core::scheduler::{Scheduler, TaskError};
    ///
    /// let mut scheduler = Scheduler::new();
    /// let h = scheduler.spawn(gen_core::from_iter([(); 5]));
    /// assert!(scheduler.cancel(h.id()));
    /// assert!(!scheduler.cancel(h.id()));
    /// assert_eq!(h.take_result(), Some(Err(TaskError::Cancelled)));
    /// assert!(scheduler.is_empty());
    /// ```
    pub fn cancel(&mut self, id: TaskId) -> bool {
        let found = self.cancel_quiet(id);
        self.drain_wakes();
        found
    }

    fn cancel_quiet(&mut self, id: TaskId) -> bool {
        let entry = if let Some(at) = self.ready.iter().position(|e| e.id() == id) {
            self.ready.remove(at)
        } else if let Some((entry, _)) = self.blocked.remove(&id) {
            Some(entry)
        } else if self.sleeping.iter().any(|s| s.entry.id() == id) {
            let mut sleepers = core::mem::take(&mut self.sleeping).into_vec();
            let at = sleepers.iter().position(|s| s.entry.id() == id);
            let entry = at.map(|at| sleepers.swap_remove(at).entry);
            self.sleeping = BinaryHeap::from(sleepers);
            entry
        } else {
            None
        };
        match entry {
            Some(entry) => {
                self.finish_cancelled(entry);
                true
            }
            None => false,
        }
    }

    fn finish_cancelled(&mut self, entry: Entry) {
        entry.cancelled();
        self.emit(&Event::Cancelled(entry.id()));
        drop(entry);
    }

    /// How many tasks are alive: runnable, sleeping or waiting.
    ///
    /// ```
    /// let mut scheduler = gen_core::scheduler::Scheduler::new();
    /// scheduler.spawn(gen_core::from_iter([(); 1]));
    /// assert_eq!(scheduler.len(), 1);
    /// ```
    pub fn len(&self) -> usize {
        self.ready.len() + self.sleeping.len() + self.blocked.len()
    }

    /// `true` when no task is alive.
    ///
    /// ```
    /// assert!(gen_core::scheduler::Scheduler::new().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The tasks that failed, by id: the panic message, or the `Err`'s text for a task spawned
    /// with [`spawn_fallible`](Scheduler::spawn_fallible). The seeds' `exceptions` dict;
    /// results are taken from the typed handles.
    ///
    /// ```
    /// use gen_core::prelude::*;
    ///
    /// #[generator]
    /// fn boom() -> impl Generator<Yield = (), Return = ()> {
    ///     r#yield!(());
    ///     panic!("boom");
    /// }
    ///
    /// let mut scheduler = gen_core::scheduler::Scheduler::new();
    /// let h = scheduler.spawn(boom());
    /// scheduler.run().unwrap();
    /// assert_eq!(scheduler.failures()[&h.id()], "boom");
    /// ```
    pub fn failures(&self) -> &BTreeMap<TaskId, String> {
        &self.failures
    }

    /// Sets the function told about each step (see [`Event`]): the seeds' "Running task 1
    /// ... now yielded" log. Replaces any previous observer.
    ///
    /// ```
    /// use std::cell::RefCell;
    /// use std::rc::Rc;
    ///
    /// let lines = Rc::new(RefCell::new(Vec::new()));
    /// let sink = lines.clone();
    /// let mut scheduler = gen_core::scheduler::Scheduler::new();
    /// scheduler.set_observer(move |event| sink.borrow_mut().push(event.to_string()));
    /// scheduler.spawn(gen_core::from_iter([(); 1]));
    /// scheduler.run().unwrap();
    /// assert_eq!(
    ///     *lines.borrow(),
    ///     ["spawned task 1", "Running task 1 ...", "now yielded", "Running task 1 ...", "completed with result: ()"]
    /// );
    /// ```
    pub fn set_observer(&mut self, observer: impl FnMut(&Event<'_>) + 'static) {
        self.observer = Some(Box::new(observer));
    }

    /// Removes the observer.
    ///
    /// ```
    /// let mut scheduler = gen_core::scheduler::Scheduler::new();
    /// scheduler.set_observer(|_| {});
    /// scheduler.clear_observer();
    /// ```
    pub fn clear_observer(&mut self) {
        self.observer = None;
    }

    #[inline]
    fn emit(&mut self, event: &Event<'_>) {
        if let Some(observer) = self.observer.as_mut() {
            observer(event);
        }
    }

    /// Resumes one task once and acts on its request. The common case (a plain yield, no
    /// observer) is a pop, one virtual call and a push; everything else goes through
    /// [`handle`](Scheduler::handle).
    #[inline(always)]
    fn step_one(&mut self, mut entry: Entry) {
        // Read once: no step can reach the scheduler to change it, but after the virtual call
        // the compiler would load it again.
        let observed = self.observer.is_some();
        if observed {
            self.emit(&Event::Running(entry.id()));
        }
        // The slow step's slot lives in the scheduler, so the hot loop keeps no `Step` (nor
        // its drop flag) in its own frame.
        if task::step_fast(&mut *entry, &mut self.slow) && !observed {
            self.ready.push_back(entry);
        } else {
            self.step_slow(entry);
        }
        if self.wakes.pending() {
            self.drain_wakes();
        }
        if !self.sleeping.is_empty() {
            self.tick_timers();
        }
    }

    /// A step that was not a plain yield (its outcome is in `slow`), or any step while an
    /// observer looks on.
    #[inline(never)]
    fn step_slow(&mut self, entry: Entry) {
        let step = self.slow.take().unwrap_or(Step::Yielded(Request::Yield));
        self.handle(entry, step);
    }

    /// Acts on a step's outcome. Spawning and cancelling another task do not end the step:
    /// the task continues at once, as with asyncio's `create_task`.
    #[inline(never)]
    fn handle(&mut self, mut entry: Entry, mut step: Step) {
        loop {
            match step {
                Step::Yielded(Request::Yield) => {
                    self.emit(&Event::Yielded(entry.id()));
                    self.ready.push_back(entry);
                }
                Step::Yielded(Request::Spawn(task)) => {
                    self.admit(task, Some(entry.id()));
                    step = task::step(&mut *entry);
                    continue;
                }
                Step::Yielded(Request::Cancel(id)) if id != entry.id() => {
                    self.cancel_quiet(id);
                    step = task::step(&mut *entry);
                    continue;
                }
                Step::Yielded(Request::Cancel(_)) => self.finish_cancelled(entry),
                Step::Yielded(Request::SleepUntil(deadline)) => {
                    self.emit(&Event::Sleeping(entry.id(), deadline));
                    self.sleep_seq += 1;
                    self.sleeping.push(Sleeper {
                        deadline,
                        seq: self.sleep_seq,
                        entry,
                    });
                }
                Step::Yielded(Request::Wait(list, reason)) => {
                    let id = entry.id();
                    self.emit(&Event::Waiting(id, reason));
                    list.register(id, &self.wakes);
                    self.blocked.insert(id, (entry, reason));
                }
                Step::Completed => {
                    if let Some(observer) = self.observer.as_mut() {
                        let id = entry.id();
                        entry.show_result(&mut |result| observer(&Event::Completed { id, result }));
                    }
                }
                Step::Failed(message) => self.record_failure(entry.id(), message, false),
                Step::Panicked(message) => self.record_failure(entry.id(), message, true),
            }
            return;
        }
    }

    /// Once per round, moves the sleepers whose deadline has passed to the run queue.
    #[inline]
    fn tick_timers(&mut self) {
        if self.timer_countdown <= 1 {
            self.poll_timers(Instant::now());
        } else {
            self.timer_countdown -= 1;
        }
    }

    fn record_failure(&mut self, id: TaskId, message: String, panicked: bool) {
        self.emit(&Event::Failed {
            id,
            message: &message,
            panicked,
        });
        self.failures.insert(id, message);
    }

    /// Moves the tasks woken by wait lists back to the run queue, in wake order. Ids of tasks
    /// that are not blocked here (cancelled since, or another scheduler's) are skipped.
    fn drain_wakes(&mut self) {
        let mut woken = core::mem::take(&mut self.woken);
        self.wakes.take_into(&mut woken);
        for id in woken.drain(..) {
            if let Some((entry, _)) = self.blocked.remove(&id) {
                self.emit(&Event::Woken(id));
                self.ready.push_back(entry);
            }
        }
        self.woken = woken;
    }

    /// Moves the sleepers whose deadline has passed to the back of the run queue.
    fn poll_timers(&mut self, now: Instant) {
        while let Some(top) = self.sleeping.peek() {
            if top.deadline > now {
                break;
            }
            if let Some(sleeper) = self.sleeping.pop() {
                self.emit(&Event::Woken(sleeper.entry.id()));
                self.ready.push_back(sleeper.entry);
            }
        }
        self.timer_countdown = self.ready.len().max(1);
    }

    /// Nothing is runnable: take woken tasks, or park until the earliest deadline. `Ok(false)`
    /// when no task is left; an error when the remaining tasks can never run.
    fn idle(&mut self) -> Result<bool, RunError> {
        self.drain_wakes();
        if !self.ready.is_empty() {
            return Ok(true);
        }
        if let Some(first) = self.sleeping.peek() {
            let now = Instant::now();
            if first.deadline > now {
                let how_long = first.deadline - now;
                self.emit(&Event::Parked(how_long));
                // No busy waiting: nothing can become runnable before the deadline (wake-ups
                // come only from running tasks, and none is runnable).
                std::thread::sleep(how_long);
            }
            self.poll_timers(Instant::now());
            return Ok(true);
        }
        if self.blocked.is_empty() {
            return Ok(false);
        }
        let mut stuck: Vec<(TaskId, WaitReason)> = self
            .blocked
            .iter()
            .map(|(id, (_, reason))| (*id, *reason))
            .collect();
        stuck.sort_by_key(|(id, _)| *id);
        Err(RunError::Stuck(stuck))
    }
}

impl Debug for Scheduler {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Scheduler")
            .field("runnable", &self.ready.len())
            .field("sleeping", &self.sleeping.len())
            .field("waiting", &self.blocked.len())
            .field("failures", &self.failures)
            .finish_non_exhaustive()
    }
}
