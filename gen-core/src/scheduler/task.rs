//! Tasks: ids, typed handles, and the type-erased box the scheduler drives.

use core::cell::{Cell, RefCell};
use core::fmt::{self, Debug, Display};
use core::marker::PhantomData;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::rc::Rc;

use super::request::{Request, WaitReason};
use super::wait::WaitList;
use crate::{Generator, GeneratorState};

/// A task's id: unique within its scheduler, never reused, counting from 1 in spawn order.
///
/// ```
/// use gen_core::scheduler::Scheduler;
///
/// let mut scheduler = Scheduler::new();
/// let a = scheduler.spawn(gen_core::from_iter([(); 2]));
/// let b = scheduler.spawn(gen_core::from_iter([(); 2]));
/// assert_eq!(a.id().get(), 1);
/// assert_eq!(b.id().to_string(), "task 2");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TaskId(pub(crate) u64);

impl TaskId {
    /// The number: 1 for the first task a scheduler admits, 0 for a task not admitted yet.
    ///
    /// ```
    /// let mut s = gen_core::scheduler::Scheduler::new();
    /// assert_eq!(s.spawn(gen_core::from_iter([(); 0])).id().get(), 1);
    /// ```
    pub fn get(self) -> u64 {
        self.0
    }
}

impl Display for TaskId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "task {}", self.0)
    }
}

/// Why a task has no value to give: it panicked, was cancelled, or its value was taken already.
///
/// A task whose generator returns `Err` is *not* a `TaskError`: its typed `Err` is its result
/// (see [`Scheduler::spawn_fallible`](super::Scheduler::spawn_fallible) for how it is also
/// recorded as a failure).
///
/// ```
/// use gen_core::scheduler::TaskError;
/// assert_eq!(TaskError::Panicked("boom".into()).to_string(), "panicked: boom");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TaskError {
    /// The generator panicked with this message; the scheduler caught it and went on.
    Panicked(String),
    /// The task was cancelled before it finished; its generator was dropped.
    Cancelled,
    /// The result was already taken through another handle (or an earlier `join`).
    Taken,
}

impl Display for TaskError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TaskError::Panicked(message) => write!(f, "panicked: {message}"),
            TaskError::Cancelled => f.write_str("cancelled"),
            TaskError::Taken => f.write_str("result already taken"),
        }
    }
}

impl std::error::Error for TaskError {}

enum Slot<T> {
    Pending,
    Done(Result<T, TaskError>),
    Taken,
}

/// What a task's handles and the task itself share: its id, its result, its joiners.
struct Shared<T> {
    id: Cell<TaskId>,
    slot: RefCell<Slot<T>>,
    /// Made by the first `join` that has to wait: most tasks are never joined, and a wait list
    /// is an allocation.
    joiners: RefCell<Option<WaitList>>,
}

impl<T> Shared<T> {
    fn new() -> Self {
        Shared {
            id: Cell::new(TaskId(0)),
            slot: RefCell::new(Slot::Pending),
            joiners: RefCell::new(None),
        }
    }

    fn finish(&self, result: Result<T, TaskError>) {
        *self.slot.borrow_mut() = Slot::Done(result);
        if let Some(joiners) = &*self.joiners.borrow() {
            joiners.notify_all();
        }
    }
}

/// A typed handle to a task: its id, and its result once it finishes.
///
/// Handles are cheap to clone; clones share the result, which can be taken once.
///
/// ```
/// use gen_core::prelude::*;
/// use gen_core::scheduler::Scheduler;
///
/// #[generator]
/// fn answer() -> impl Generator<Yield = (), Return = u32> {
///     r#yield!(());
///     42
/// }
///
/// let mut scheduler = Scheduler::new();
/// let handle = scheduler.spawn(answer());
/// assert!(!handle.is_finished());
/// scheduler.run().unwrap();
/// assert_eq!(handle.take_result(), Some(Ok(42)));
/// ```
pub struct TaskHandle<T> {
    shared: Rc<Shared<T>>,
}

impl<T> Clone for TaskHandle<T> {
    fn clone(&self) -> Self {
        TaskHandle {
            shared: Rc::clone(&self.shared),
        }
    }
}

impl<T> TaskHandle<T> {
    /// The task's id.
    ///
    /// ```
    /// let mut s = gen_core::scheduler::Scheduler::new();
    /// let h = s.spawn(gen_core::from_iter([(); 1]));
    /// assert_eq!(h.id().get(), 1);
    /// ```
    pub fn id(&self) -> TaskId {
        self.shared.id.get()
    }

    /// `true` once the task has completed, failed or been cancelled.
    ///
    /// ```
    /// let mut s = gen_core::scheduler::Scheduler::new();
    /// let h = s.spawn(gen_core::from_iter([(); 1]));
    /// assert!(!h.is_finished());
    /// s.run().unwrap();
    /// assert!(h.is_finished());
    /// ```
    pub fn is_finished(&self) -> bool {
        !matches!(*self.shared.slot.borrow(), Slot::Pending)
    }

    /// Takes the result: `None` while the task runs, then `Some(Ok(value))` or
    /// `Some(Err(why))` once; later calls give `Some(Err(TaskError::Taken))`.
    ///
    /// ```
    /// use gen_core::scheduler::{Scheduler, TaskError};
    ///
    /// let mut s = Scheduler::new();
    /// let h = s.spawn(gen_core::from_iter([(); 1]));
    /// assert_eq!(h.take_result(), None);
    /// s.run().unwrap();
    /// assert_eq!(h.take_result(), Some(Ok(())));
    /// assert_eq!(h.take_result(), Some(Err(TaskError::Taken)));
    /// ```
    pub fn take_result(&self) -> Option<Result<T, TaskError>> {
        let mut slot = self.shared.slot.borrow_mut();
        match core::mem::replace(&mut *slot, Slot::Taken) {
            Slot::Pending => {
                *slot = Slot::Pending;
                None
            }
            Slot::Done(result) => Some(result),
            Slot::Taken => Some(Err(TaskError::Taken)),
        }
    }

    /// A generator that waits (without spinning) until the task finishes and returns its
    /// result: asyncio's `await task`. Use it as `yield_from!(handle.join())` in a task that
    /// yields [`Request`].
    ///
    /// ```
    /// use gen_core::prelude::*;
    /// use gen_core::scheduler::{Request, Scheduler, TaskHandle};
    ///
    /// #[generator]
    /// fn double(n: u32) -> impl Generator<Yield = (), Return = u32> {
    ///     r#yield!(());
    ///     n * 2
    /// }
    ///
    /// #[generator]
    /// fn waiter(other: TaskHandle<u32>) -> impl Generator<Yield = Request, Return = u32> {
    ///     let doubled = yield_from!(other.join());
    ///     doubled.unwrap() + 1
    /// }
    ///
    /// let mut scheduler = Scheduler::new();
    /// let first = scheduler.spawn(double(20));
    /// let second = scheduler.spawn(waiter(first));
    /// scheduler.run().unwrap();
    /// assert_eq!(second.take_result(), Some(Ok(41)));
    /// ```
    pub fn join(self) -> Join<T> {
        Join { handle: self }
    }

    /// A generator that cancels this task from inside another task (or itself): yields
    /// [`Request::Cancel`] once. From outside, use
    /// [`Scheduler::cancel`](super::Scheduler::cancel).
    ///
    /// ```
    /// use gen_core::prelude::*;
    /// use gen_core::scheduler::{Request, Scheduler, TaskError, TaskHandle};
    ///
    /// #[generator]
    /// fn forever() -> impl Generator<Yield = (), Return = ()> {
    ///     loop {
    ///         r#yield!(());
    ///     }
    /// }
    ///
    /// #[generator]
    /// fn stopper(victim: TaskHandle<()>) -> impl Generator<Yield = Request, Return = ()> {
    ///     r#yield!(Request::Yield);
    ///     yield_from!(victim.cancel_task());
    /// }
    ///
    /// let mut scheduler = Scheduler::new();
    /// let victim = scheduler.spawn(forever());
    /// scheduler.spawn(stopper(victim.clone()));
    /// scheduler.run().unwrap();
    /// assert_eq!(victim.take_result(), Some(Err(TaskError::Cancelled)));
    /// ```
    pub fn cancel_task(&self) -> CancelTask {
        CancelTask {
            target: Some(self.id()),
        }
    }

    fn new() -> Self {
        TaskHandle {
            shared: Rc::new(Shared::new()),
        }
    }
}

impl<T> Debug for TaskHandle<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TaskHandle")
            .field("id", &self.id())
            .field("finished", &self.is_finished())
            .finish()
    }
}

/// The generator [`TaskHandle::join`] returns.
///
/// ```
/// use gen_core::prelude::*;
/// use gen_core::scheduler::{Join, Scheduler};
///
/// let mut scheduler = Scheduler::new();
/// let handle = scheduler.spawn(gen_core::from_iter([(); 1]));
/// scheduler.run().unwrap();
/// let mut join: Join<()> = handle.join();
/// assert_eq!(join.start().complete(), Some(Ok(()))); // finished: no wait
/// ```
#[must_use = "generators do nothing unless resumed (use it with `yield_from!`)"]
pub struct Join<T> {
    handle: TaskHandle<T>,
}

impl<T> Generator for Join<T> {
    type Yield = Request;
    type Return = Result<T, TaskError>;

    fn start(&mut self) -> GeneratorState<Request, Result<T, TaskError>> {
        self.resume(())
    }

    fn resume(&mut self, (): ()) -> GeneratorState<Request, Result<T, TaskError>> {
        match self.handle.take_result() {
            Some(result) => GeneratorState::Complete(result),
            None => GeneratorState::Yielded(Request::Wait(
                self.handle
                    .shared
                    .joiners
                    .borrow_mut()
                    .get_or_insert_with(WaitList::new)
                    .clone(),
                WaitReason::Join(self.handle.id()),
            )),
        }
    }
}

impl<T> Debug for Join<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Join").field("task", &self.handle).finish()
    }
}

/// The generator [`TaskHandle::cancel_task`] returns.
///
/// ```
/// use gen_core::prelude::*;
/// use gen_core::scheduler::{CancelTask, Request, Scheduler};
///
/// let mut scheduler = Scheduler::new();
/// let handle = scheduler.spawn(gen_core::from_iter([(); 1]));
/// let mut cancel: CancelTask = handle.cancel_task();
/// assert!(matches!(cancel.start(), GeneratorState::Yielded(Request::Cancel(id)) if id == handle.id()));
/// ```
#[derive(Debug)]
#[must_use = "generators do nothing unless resumed (use it with `yield_from!`)"]
pub struct CancelTask {
    target: Option<TaskId>,
}

impl Generator for CancelTask {
    type Yield = Request;
    type Return = ();

    fn start(&mut self) -> GeneratorState<Request, ()> {
        self.resume(())
    }

    fn resume(&mut self, (): ()) -> GeneratorState<Request, ()> {
        match self.target.take() {
            Some(id) => GeneratorState::Yielded(Request::Cancel(id)),
            None => GeneratorState::Complete(()),
        }
    }
}

/// One step of a type-erased task, as the scheduler sees it.
pub(crate) enum Step {
    Yielded(Request),
    Completed,
    /// Completed with a value that counts as a failure (an `Err` of a fallible task).
    Failed(String),
    Panicked(String),
}

/// A task with its types erased: what the run queue holds.
pub(crate) trait RawTask {
    /// Resumes the task once: for the hot loop. `true` for a plain yield (returned in a
    /// register); otherwise the step is written to `slow`. May unwind: callers go through
    /// [`step_fast`] or [`step`], which catch a panic.
    fn step_fast_uncaught(&mut self, slow: &mut Option<Step>) -> bool;
    /// Records that the generator panicked, for the handles, and says so as a step.
    fn panicked(&mut self, payload: &(dyn core::any::Any + Send)) -> Step;
    fn bind(&self, id: TaskId);
    fn id(&self) -> TaskId;
    /// Records the cancellation for the handles; the scheduler drops the task next.
    fn cancelled(&self);
    /// Shows the completed result to `f`, as the policy allows (for the step log).
    fn show_result(&self, f: &mut dyn FnMut(Option<&dyn Debug>));
}

/// Resumes the task once, for the hot loop: `true` for a plain yield, otherwise the step is
/// written to `slow`. A panic must not take the other tasks down: it is caught here, around
/// the virtual call, in the run loop, which keeps its registers saved anyway. Inside each
/// task's step, the landing pad cost every switch of a `#[generator]` task two more saved
/// registers and a merge of the step's outcomes (measured: 73 -> 64 instructions, 11.3 -> 10.3
/// cycles per switch). Everything the step does is caught, so a panic in the task's own
/// `Into<Request>` or in its error's `Display` fails that task too. The scheduler drops the
/// poisoned generator with the task.
#[inline(always)]
pub(crate) fn step_fast(task: &mut dyn RawTask, slow: &mut Option<Step>) -> bool {
    match catch_unwind(AssertUnwindSafe(|| task.step_fast_uncaught(slow))) {
        Ok(plain_yield) => plain_yield,
        Err(payload) => panicked_into(task, payload, slow),
    }
}

#[cold]
#[inline(never)]
fn panicked_into(
    task: &mut dyn RawTask,
    payload: Box<dyn core::any::Any + Send>,
    slow: &mut Option<Step>,
) -> bool {
    *slow = Some(task.panicked(payload.as_ref()));
    false
}

/// Resumes the task once.
pub(crate) fn step(task: &mut dyn RawTask) -> Step {
    let mut slow = None;
    step_fast(task, &mut slow);
    slow.unwrap_or(Step::Yielded(Request::Yield))
}

/// How a finished task's value is judged and shown: chosen by the `spawn*` method.
trait Policy<T> {
    fn failure(value: &T) -> Option<String>;
    fn show(value: &T) -> Option<&dyn Debug>;
}

/// `spawn`: only a panic fails; the value is shown with `Debug`.
struct Shown;
/// `spawn_fallible`: an `Err` fails too; shown with `Display`.
struct Fallible;
/// `spawn_opaque`: only a panic fails; the value is not shown.
struct Opaque;

impl<T: Debug> Policy<T> for Shown {
    fn failure(_: &T) -> Option<String> {
        None
    }
    fn show(value: &T) -> Option<&dyn Debug> {
        Some(value)
    }
}

impl<V: Debug, E: Display> Policy<Result<V, E>> for Fallible {
    fn failure(value: &Result<V, E>) -> Option<String> {
        value.as_ref().err().map(ToString::to_string)
    }
    fn show(value: &Result<V, E>) -> Option<&dyn Debug> {
        value.as_ref().ok().map(|v| v as &dyn Debug)
    }
}

impl<T> Policy<T> for Opaque {
    fn failure(_: &T) -> Option<String> {
        None
    }
    fn show(_: &T) -> Option<&dyn Debug> {
        None
    }
}

/// Where a task keeps its id and puts its result: shared with its handles, or, for a task
/// without handles, in the task itself.
trait Outcome<T> {
    fn id(&self) -> &Cell<TaskId>;
    fn finish(&self, result: Result<T, TaskError>);
    /// The completed value, for the step log.
    fn show(&self, f: &mut dyn FnMut(Option<&T>));
}

impl<T> Outcome<T> for Rc<Shared<T>> {
    fn id(&self) -> &Cell<TaskId> {
        &self.id
    }
    fn finish(&self, result: Result<T, TaskError>) {
        Shared::finish(self, result);
    }
    fn show(&self, f: &mut dyn FnMut(Option<&T>)) {
        match &*self.slot.borrow() {
            Slot::Done(Ok(value)) => f(Some(value)),
            _ => f(None),
        }
    }
}

/// A detached task's id and completed value (see [`NewTask::detached`]): no handle can ask
/// for them, so they live in the task, and a failure needs no record beyond the scheduler's.
struct Detached<T> {
    id: Cell<TaskId>,
    value: RefCell<Option<T>>,
}

impl<T> Detached<T> {
    fn new() -> Self {
        Detached {
            id: Cell::new(TaskId(0)),
            value: RefCell::new(None),
        }
    }
}

impl<T> Outcome<T> for Detached<T> {
    fn id(&self) -> &Cell<TaskId> {
        &self.id
    }
    fn finish(&self, result: Result<T, TaskError>) {
        *self.value.borrow_mut() = result.ok();
    }
    fn show(&self, f: &mut dyn FnMut(Option<&T>)) {
        f(self.value.borrow().as_ref());
    }
}

/// `S`: where the id and result go ([`Outcome`]).
struct TaskCell<G: Generator, P, S> {
    generator: G,
    outcome: S,
    policy: PhantomData<P>,
}

impl<G, P, S> RawTask for TaskCell<G, P, S>
where
    G: Generator,
    G::Yield: Into<Request>,
    P: Policy<G::Return>,
    S: Outcome<G::Return>,
{
    #[inline]
    fn step_fast_uncaught(&mut self, slow: &mut Option<Step>) -> bool {
        // `resume(())` may start a generator (the resume type is zero-sized), so the first
        // step needs no flag. Every outcome but a plain yield leaves through one out-of-line
        // call in tail position, so the plain yield needs no stack frame. Out of line: one
        // step per call, so an ended generator is rejected before its step (see
        // `Generator::__resume_out_of_line`).
        match self.generator.__resume_out_of_line(()) {
            GeneratorState::Yielded(request) => {
                let request = request.into();
                if matches!(request, Request::Yield) {
                    // This variant owns nothing: forgetting it spares an out-of-line call to
                    // the drop glue that rustc keeps otherwise (measured: a fifth of a switch).
                    core::mem::forget(request);
                    true
                } else {
                    Self::slow_step(Step::Yielded(request), slow)
                }
            }
            GeneratorState::Complete(value) => self.completed_into(value, slow),
        }
    }

    #[cold]
    #[inline(never)]
    fn panicked(&mut self, payload: &(dyn core::any::Any + Send)) -> Step {
        let message = panic_message(payload);
        self.outcome
            .finish(Err(TaskError::Panicked(message.clone())));
        Step::Panicked(message)
    }

    fn bind(&self, id: TaskId) {
        self.outcome.id().set(id);
    }

    fn id(&self) -> TaskId {
        self.outcome.id().get()
    }

    fn cancelled(&self) {
        self.outcome.finish(Err(TaskError::Cancelled));
    }

    fn show_result(&self, f: &mut dyn FnMut(Option<&dyn Debug>)) {
        self.outcome.show(&mut |value| f(value.and_then(P::show)));
    }
}

impl<G, P, S> TaskCell<G, P, S>
where
    G: Generator,
    G::Yield: Into<Request>,
    P: Policy<G::Return>,
    S: Outcome<G::Return>,
{
    /// A step that is not a plain yield, for [`RawTask::step_fast_uncaught`].
    #[cold]
    #[inline(never)]
    fn slow_step(step: Step, slow: &mut Option<Step>) -> bool {
        *slow = Some(step);
        not_plain()
    }

    #[cold]
    #[inline(never)]
    fn completed_into(&mut self, value: G::Return, slow: &mut Option<Step>) -> bool {
        *slow = Some(self.completed(value));
        not_plain()
    }

    /// Out of line, so the hot step keeps few registers to save.
    #[cold]
    #[inline(never)]
    fn completed(&mut self, value: G::Return) -> Step {
        let failure = P::failure(&value);
        self.outcome.finish(Ok(value));
        match failure {
            None => Step::Completed,
            Some(message) => Step::Failed(message),
        }
    }
}

/// `false`, from the out-of-line exits of a step, opaquely: a constant `false` would be
/// propagated into the step, which then could no longer end in a tail call to them and would
/// need a stack frame for its hot path too.
#[inline(always)]
fn not_plain() -> bool {
    core::hint::black_box(false)
}

fn panic_message(payload: &(dyn core::any::Any + Send)) -> String {
    if let Some(message) = payload.downcast_ref::<&str>() {
        (*message).to_owned()
    } else if let Some(message) = payload.downcast_ref::<String>() {
        message.clone()
    } else {
        "non-string panic payload".to_owned()
    }
}

/// A task ready to be admitted to a scheduler: a boxed generator, not yet given an id.
///
/// Made together with its handle by [`NewTask::new`] and friends; admitted by
/// [`Scheduler::spawn_new`](super::Scheduler::spawn_new) from outside or by yielding
/// [`Request::Spawn`] from a task (which [`spawn`] does for you).
///
/// ```
/// use gen_core::scheduler::{NewTask, Scheduler};
///
/// let (task, handle) = NewTask::new(gen_core::from_iter([(), ()]));
/// let mut scheduler = Scheduler::new();
/// scheduler.spawn_new(task);
/// scheduler.run().unwrap();
/// assert_eq!(handle.take_result(), Some(Ok(())));
/// ```
pub struct NewTask {
    pub(crate) task: Box<dyn RawTask>,
}

impl NewTask {
    /// Boxes a generator as a task whose result is shown in the step log with `Debug`; only a
    /// panic makes it fail.
    ///
    /// ```
    /// let (_task, handle) = gen_core::scheduler::NewTask::new(gen_core::from_iter([(); 3]));
    /// assert!(!handle.is_finished());
    /// ```
    pub fn new<G>(generator: G) -> (NewTask, TaskHandle<G::Return>)
    where
        G: Generator + 'static,
        G::Yield: Into<Request>,
        G::Return: Debug,
    {
        Self::with_policy::<G, Shown>(generator)
    }

    /// Boxes a generator that returns a `Result`: an `Err` counts as a failure (recorded with
    /// its `Display` text), and is still the task's typed result.
    ///
    /// ```
    /// use gen_core::prelude::*;
    ///
    /// #[generator]
    /// fn fails() -> impl Generator<Yield = (), Return = Result<u8, String>> {
    ///     Err("no".to_string())
    /// }
    /// let (_task, handle) = gen_core::scheduler::NewTask::fallible(fails());
    /// assert!(!handle.is_finished());
    /// ```
    pub fn fallible<G, V, E>(generator: G) -> (NewTask, TaskHandle<Result<V, E>>)
    where
        G: Generator<Return = Result<V, E>> + 'static,
        G::Yield: Into<Request>,
        V: Debug + 'static,
        E: Display + 'static,
    {
        Self::with_policy::<G, Fallible>(generator)
    }

    /// Boxes a generator whose result type has no `Debug`: the step log does not show it.
    ///
    /// ```
    /// use gen_core::prelude::*;
    ///
    /// struct NoDebug(u8);
    ///
    /// #[generator]
    /// fn make() -> impl Generator<Yield = (), Return = NoDebug> {
    ///     NoDebug(3)
    /// }
    ///
    /// let (task, handle) = gen_core::scheduler::NewTask::opaque(make());
    /// let mut scheduler = gen_core::scheduler::Scheduler::new();
    /// scheduler.spawn_new(task);
    /// scheduler.run().unwrap();
    /// assert_eq!(handle.take_result().unwrap().unwrap().0, 3);
    /// ```
    pub fn opaque<G>(generator: G) -> (NewTask, TaskHandle<G::Return>)
    where
        G: Generator + 'static,
        G::Yield: Into<Request>,
    {
        Self::with_policy::<G, Opaque>(generator)
    }

    /// Boxes a generator as a task without a handle, for when nothing will ask for its
    /// result: its id and result live in the task, so it is one allocation instead of two.
    /// It runs, fails and is cancelled (by id) like any other task; its result is shown in
    /// the step log with `Debug` and dropped with the task.
    ///
    /// ```
    /// use gen_core::scheduler::{NewTask, Scheduler};
    ///
    /// let mut scheduler = Scheduler::new();
    /// let id = scheduler.spawn_new(NewTask::detached(gen_core::from_iter([(); 2])));
    /// assert_eq!(id.get(), 1);
    /// scheduler.run().unwrap();
    /// assert!(scheduler.is_empty());
    /// ```
    pub fn detached<G>(generator: G) -> NewTask
    where
        G: Generator + 'static,
        G::Yield: Into<Request>,
        G::Return: Debug,
    {
        let cell = TaskCell::<G, Shown, _> {
            generator,
            outcome: Detached::new(),
            policy: PhantomData,
        };
        NewTask {
            task: Box::new(cell),
        }
    }

    fn with_policy<G, P>(generator: G) -> (NewTask, TaskHandle<G::Return>)
    where
        G: Generator + 'static,
        G::Yield: Into<Request>,
        P: Policy<G::Return> + 'static,
    {
        let handle = TaskHandle::new();
        let cell = TaskCell::<G, P, _> {
            generator,
            outcome: Rc::clone(&handle.shared),
            policy: PhantomData,
        };
        (
            NewTask {
                task: Box::new(cell),
            },
            handle,
        )
    }
}

impl Debug for NewTask {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NewTask { .. }")
    }
}

/// A generator that spawns a task from inside another task and returns its handle: asyncio's
/// `create_task`. The spawning task continues at once; the new task goes to the back of the
/// run queue.
///
/// ```
/// use gen_core::prelude::*;
/// use gen_core::scheduler::{Request, Scheduler, spawn};
///
/// #[generator]
/// fn child(n: u32) -> impl Generator<Yield = (), Return = u32> {
///     r#yield!(());
///     n + 1
/// }
///
/// #[generator]
/// fn parent() -> impl Generator<Yield = Request, Return = u32> {
///     let a = yield_from!(spawn(child(1)));
///     let b = yield_from!(spawn(child(10)));
///     let a = yield_from!(a.join()).unwrap();
///     let b = yield_from!(b.join()).unwrap();
///     a + b
/// }
///
/// let mut scheduler = Scheduler::new();
/// let p = scheduler.spawn(parent());
/// scheduler.run().unwrap();
/// assert_eq!(p.take_result(), Some(Ok(13)));
/// ```
pub fn spawn<G>(generator: G) -> SpawnTask<G::Return>
where
    G: Generator + 'static,
    G::Yield: Into<Request>,
    G::Return: Debug,
{
    let (task, handle) = NewTask::new(generator);
    SpawnTask::new(task, handle)
}

/// The generator [`spawn`] returns; [`SpawnTask::new`] makes one for any [`NewTask`].
#[must_use = "generators do nothing unless resumed (use it with `yield_from!`)"]
pub struct SpawnTask<T> {
    task: Option<NewTask>,
    handle: Option<TaskHandle<T>>,
}

impl<T> SpawnTask<T> {
    /// Spawns `task` when driven, then returns `handle` (made with it by [`NewTask`]).
    ///
    /// ```
    /// use gen_core::scheduler::{NewTask, SpawnTask};
    ///
    /// let (task, handle) = NewTask::new(gen_core::from_iter([(); 1]));
    /// let spawner = SpawnTask::new(task, handle);
    /// # drop(spawner);
    /// ```
    pub fn new(task: NewTask, handle: TaskHandle<T>) -> Self {
        SpawnTask {
            task: Some(task),
            handle: Some(handle),
        }
    }
}

impl<T> Generator for SpawnTask<T> {
    type Yield = Request;
    type Return = TaskHandle<T>;

    fn start(&mut self) -> GeneratorState<Request, TaskHandle<T>> {
        self.resume(())
    }

    fn resume(&mut self, (): ()) -> GeneratorState<Request, TaskHandle<T>> {
        if let Some(task) = self.task.take() {
            return GeneratorState::Yielded(Request::Spawn(task));
        }
        match self.handle.take() {
            Some(handle) => GeneratorState::Complete(handle),
            None => panic!("a `spawn` generator resumed after it completed"),
        }
    }
}

impl<T> Debug for SpawnTask<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SpawnTask")
            .field("spawned", &self.task.is_none())
            .finish()
    }
}
