//! Why a run stopped before every task finished.

use core::fmt;

use super::request::WaitReason;
use super::task::TaskId;

/// Why [`Scheduler::run`](super::Scheduler::run) and friends stopped early.
///
/// ```
/// use gen_core::prelude::*;
/// use gen_core::scheduler::{Queue, Request, RunError, Scheduler, WaitReason};
///
/// #[generator]
/// fn starve(queue: Queue<u8>) -> impl Generator<Yield = Request, Return = u8> {
///     yield_from!(queue.get())
/// }
///
/// let mut scheduler = Scheduler::new();
/// let task = scheduler.spawn(starve(Queue::unbounded()));
/// let error = scheduler.run().unwrap_err();
/// assert_eq!(error, RunError::Stuck(vec![(task.id(), WaitReason::QueueGet)]));
/// assert_eq!(
///     error.to_string(),
///     "no task can ever run again: task 1 is waiting to get from an empty queue"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RunError {
    /// Every live task waits on a queue or another task and none sleeps: nothing can ever
    /// wake them. The stuck tasks, by id, with what they wait for. They stay in the scheduler
    /// (cancel them, or make their condition true from outside and run again).
    Stuck(Vec<(TaskId, WaitReason)>),
    /// [`run_until`](super::Scheduler::run_until) ran out of tasks before the awaited one
    /// finished: it does not belong to this scheduler.
    NotHere(TaskId),
}

impl fmt::Display for RunError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RunError::Stuck(tasks) => {
                f.write_str("no task can ever run again: ")?;
                for (i, (id, why)) in tasks.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{id} is {why}")?;
                }
                Ok(())
            }
            RunError::NotHere(id) => {
                write!(f, "{id} is not in this scheduler: it never finished")
            }
        }
    }
}

impl std::error::Error for RunError {}
