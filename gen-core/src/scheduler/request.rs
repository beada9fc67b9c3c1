//! What a task yields: its request to the scheduler.

use core::fmt;
use std::time::Instant;

use super::task::{NewTask, TaskId};
use super::wait::WaitList;
use crate::{Generator, GeneratorState};

/// What a task asks of the scheduler each time it suspends.
///
/// A task may yield any type that converts into a `Request`. `()` converts to
/// [`Request::Yield`], so a task with `Yield = ()` is exactly the seeds' generator with bare
/// `yield`s. Tasks that sleep, spawn, join or use queues yield `Request` and get it from the
/// helper generators through `yield_from!`: [`sleep`](super::sleep),
/// [`spawn`](super::spawn), [`TaskHandle::join`](super::TaskHandle::join),
/// [`Queue::get`](super::Queue::get), [`Queue::put`](super::Queue::put),
/// [`yield_now`].
///
/// ```
/// use gen_core::prelude::*;
/// use gen_core::scheduler::{Request, Scheduler, sleep};
/// use std::time::Duration;
///
/// #[generator]
/// fn polite() -> impl Generator<Yield = Request, Return = u8> {
///     r#yield!(Request::Yield); // let the others run
///     yield_from!(sleep(Duration::from_millis(1))); // sleep without blocking the others
///     7
/// }
///
/// let mut scheduler = Scheduler::new();
/// let task = scheduler.spawn(polite());
/// scheduler.run().unwrap();
/// assert_eq!(task.take_result().unwrap().unwrap(), 7);
/// ```
pub enum Request {
    /// Go to the back of the run queue and let the other tasks run (the seeds' bare `yield`).
    Yield,
    /// Leave the run queue until the deadline has passed.
    SleepUntil(Instant),
    /// Admit a new task (the requesting task continues at once, like asyncio's
    /// `create_task`). Made by [`spawn`](super::spawn).
    Spawn(NewTask),
    /// Leave the run queue until the wait list is notified.
    Wait(WaitList, WaitReason),
    /// Cancel a task (possibly the requesting one); the requester continues at once otherwise.
    /// Made by [`TaskHandle::cancel_task`](super::TaskHandle::cancel_task).
    Cancel(TaskId),
}

impl From<()> for Request {
    /// `()` is a plain yield: let the others run.
    fn from((): ()) -> Self {
        Request::Yield
    }
}

impl fmt::Debug for Request {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Request::Yield => f.write_str("Yield"),
            Request::SleepUntil(deadline) => f.debug_tuple("SleepUntil").field(deadline).finish(),
            Request::Spawn(_) => f.write_str("Spawn(..)"),
            Request::Wait(_, reason) => f.debug_tuple("Wait").field(reason).finish(),
            Request::Cancel(id) => f.debug_tuple("Cancel").field(id).finish(),
        }
    }
}

/// Why a task waits; reported when the scheduler finds tasks that can never run again.
///
/// ```
/// use gen_core::scheduler::WaitReason;
/// assert_eq!(WaitReason::QueueGet.to_string(), "waiting to get from an empty queue");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WaitReason {
    /// Waiting for another task's result.
    Join(TaskId),
    /// Waiting for an item from an empty queue.
    QueueGet,
    /// Waiting for room in a full queue.
    QueuePut,
    /// Any other condition, described for the error message.
    Other(&'static str),
}

impl fmt::Display for WaitReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WaitReason::Join(id) => write!(f, "waiting for {id} to finish"),
            WaitReason::QueueGet => f.write_str("waiting to get from an empty queue"),
            WaitReason::QueuePut => f.write_str("waiting to put into a full queue"),
            WaitReason::Other(what) => write!(f, "waiting for {what}"),
        }
    }
}

/// A generator that yields [`Request::Yield`] once: `yield_from!(yield_now())` lets the other
/// tasks run, in a task whose `Yield` is [`Request`] (asyncio's `await asyncio.sleep(0)`).
///
/// ```
/// use gen_core::prelude::*;
/// use gen_core::scheduler::{Request, yield_now};
///
/// let mut g = yield_now();
/// assert!(matches!(g.start(), GeneratorState::Yielded(Request::Yield)));
/// assert!(g.resume(()).is_complete());
/// ```
pub fn yield_now() -> YieldNow {
    YieldNow { yielded: false }
}

/// The generator [`yield_now`] returns.
///
/// ```
/// use gen_core::prelude::*;
/// let g: gen_core::scheduler::YieldNow = gen_core::scheduler::yield_now();
/// assert_eq!(g.iter().count(), 1);
/// ```
#[derive(Clone, Debug)]
#[must_use = "generators do nothing unless resumed (use it with `yield_from!`)"]
pub struct YieldNow {
    yielded: bool,
}

impl Generator for YieldNow {
    type Yield = Request;
    type Return = ();

    fn start(&mut self) -> GeneratorState<Request, ()> {
        self.resume(())
    }

    fn resume(&mut self, (): ()) -> GeneratorState<Request, ()> {
        if self.yielded {
            GeneratorState::Complete(())
        } else {
            self.yielded = true;
            GeneratorState::Yielded(Request::Yield)
        }
    }
}

/// Makes any generator a task by treating each value it yields as a plain yield
/// ([`Request::Yield`]), the way the seeds' schedulers ignore what `next(task)` returns.
///
/// ```
/// use gen_core::prelude::*;
/// use gen_core::scheduler::{Scheduler, ignore_yields};
///
/// #[generator]
/// fn odd_till(number: u32) -> impl Generator<Yield = u32, Return = ()> {
///     let mut n = 1;
///     while n < number {
///         r#yield!(n);
///         n += 2;
///     }
/// }
///
/// let mut scheduler = Scheduler::new();
/// scheduler.spawn(ignore_yields(odd_till(5)));
/// assert_eq!(scheduler.run_steps(10).unwrap(), 3); // yields 1, 3, then completes
/// ```
pub fn ignore_yields<G: Generator>(generator: G) -> IgnoreYields<G> {
    IgnoreYields { generator }
}

/// The generator [`ignore_yields`] returns.
///
/// ```
/// use gen_core::prelude::*;
/// use gen_core::scheduler::{IgnoreYields, Request, ignore_yields};
///
/// let mut g: IgnoreYields<_> = ignore_yields(gen_core::from_iter([7, 8]));
/// assert!(matches!(g.advance(), GeneratorState::Yielded(Request::Yield)));
/// ```
#[derive(Clone, Debug)]
#[must_use = "generators do nothing unless resumed"]
pub struct IgnoreYields<G> {
    generator: G,
}

impl<G: Generator> Generator for IgnoreYields<G> {
    type Yield = Request;
    type Return = G::Return;

    fn start(&mut self) -> GeneratorState<Request, G::Return> {
        self.generator.start().map_yielded(|_| Request::Yield)
    }

    fn resume(&mut self, (): ()) -> GeneratorState<Request, G::Return> {
        self.generator.resume(()).map_yielded(|_| Request::Yield)
    }

    // A task of the scheduler, which resumes it out of line: so is the generator inside.
    fn __resume_out_of_line(&mut self, (): ()) -> GeneratorState<Request, G::Return> {
        self.generator
            .__resume_out_of_line(())
            .map_yielded(|_| Request::Yield)
    }
}
