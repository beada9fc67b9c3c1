//! What the scheduler reports to its observer at each step.

use core::fmt::{self, Debug, Display};
use std::time::{Duration, Instant};

use super::request::WaitReason;
use super::task::TaskId;

/// One thing the scheduler did, as reported to the observer set with
/// [`Scheduler::set_observer`](super::Scheduler::set_observer).
///
/// With the `tracing` feature, `trace_events` forwards them as `tracing` events; any other
/// logger is one closure away.
///
/// `Display` follows the seeds' log: a step prints `Running task 1 ...` and then, after the
/// task's own output, `now yielded`, `completed with result: 42` or
/// `failed with exception: ...`.
///
/// ```
/// use gen_core::scheduler::{Event, TaskId};
///
/// let mut s = gen_core::scheduler::Scheduler::new();
/// let id: TaskId = s.spawn(gen_core::from_iter([(); 1])).id();
/// assert_eq!(Event::Running(id).to_string(), "Running task 1 ...");
/// assert_eq!(Event::Yielded(id).to_string(), "now yielded");
/// assert_eq!(Event::Completed { id, result: Some(&42) }.to_string(), "completed with result: 42");
/// ```
#[derive(Clone, Copy)]
#[non_exhaustive]
pub enum Event<'a> {
    /// A task is about to be resumed.
    Running(TaskId),
    /// It yielded `()` / [`Request::Yield`](super::Request::Yield) and went to the back of the
    /// run queue.
    Yielded(TaskId),
    /// It went to sleep until the deadline.
    Sleeping(TaskId, Instant),
    /// It blocked, for this reason.
    Waiting(TaskId, WaitReason),
    /// A sleeping or waiting task went back to the run queue.
    Woken(TaskId),
    /// A task was admitted: from outside (`parent` is `None`) or by a running task.
    Spawned {
        /// The new task.
        id: TaskId,
        /// The task that spawned it, if any.
        parent: Option<TaskId>,
    },
    /// The task completed; `result` is its value when the task was spawned in a way that shows
    /// it (see [`NewTask`](super::NewTask)).
    Completed {
        /// The task.
        id: TaskId,
        /// Its value, when shown.
        result: Option<&'a dyn Debug>,
    },
    /// The task completed with a value that counts as a failure (an `Err` of a fallible task),
    /// or panicked.
    Failed {
        /// The task.
        id: TaskId,
        /// The `Err`'s text or the panic message.
        message: &'a str,
        /// `true` for a panic.
        panicked: bool,
    },
    /// The task was cancelled; its generator is dropped next.
    Cancelled(TaskId),
    /// Every live task sleeps: the thread sleeps this long.
    Parked(Duration),
}

impl Debug for Event<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Event::Running(id) => f.debug_tuple("Running").field(id).finish(),
            Event::Yielded(id) => f.debug_tuple("Yielded").field(id).finish(),
            Event::Sleeping(id, until) => f.debug_tuple("Sleeping").field(id).field(until).finish(),
            Event::Waiting(id, why) => f.debug_tuple("Waiting").field(id).field(why).finish(),
            Event::Woken(id) => f.debug_tuple("Woken").field(id).finish(),
            Event::Spawned { id, parent } => f
                .debug_struct("Spawned")
                .field("id", id)
                .field("parent", parent)
                .finish(),
            Event::Completed { id, result } => f
                .debug_struct("Completed")
                .field("id", id)
                .field("result", result)
                .finish(),
            Event::Failed {
                id,
                message,
                panicked,
            } => f
                .debug_struct("Failed")
                .field("id", id)
                .field("message", message)
                .field("panicked", panicked)
                .finish(),
            Event::Cancelled(id) => f.debug_tuple("Cancelled").field(id).finish(),
            Event::Parked(how_long) => f.debug_tuple("Parked").field(how_long).finish(),
        }
    }
}

impl Display for Event<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Event::Running(id) => write!(f, "Running {id} ..."),
            Event::Yielded(_) => f.write_str("now yielded"),
            Event::Sleeping(_, _) => f.write_str("now sleeping"),
            Event::Waiting(_, why) => write!(f, "now {why}"),
            Event::Woken(id) => write!(f, "{id} woken"),
            Event::Spawned { id, parent: None } => write!(f, "spawned {id}"),
            Event::Spawned {
                id,
                parent: Some(parent),
            } => write!(f, "{parent} spawned {id}"),
            Event::Completed {
                result: Some(result),
                ..
            } => write!(f, "completed with result: {result:?}"),
            Event::Completed { result: None, .. } => f.write_str("completed"),
            Event::Failed { message, .. } => write!(f, "failed with exception: {message}"),
            Event::Cancelled(id) => write!(f, "{id} cancelled"),
            Event::Parked(how_long) => write!(f, "all tasks asleep: parking for {how_long:?}"),
        }
    }
}

/// Observer that reports each [`Event`] as a `tracing` event (target
/// `gen_core::scheduler`): steps at `TRACE` level, failures at `WARN`, the rest at `DEBUG`.
/// Needs the `tracing` feature.
///
/// ```
/// let mut scheduler = gen_core::scheduler::Scheduler::new();
/// scheduler.set_observer(gen_core::scheduler::trace_events);
/// scheduler.spawn(gen_core::from_iter([(); 2]));
/// scheduler.run().unwrap();
/// ```
#[cfg(feature = "tracing")]
pub fn trace_events(event: &Event<'_>) {
    match event {
        Event::Running(_) | Event::Yielded(_) => {
            tracing::trace!(target: "gen_core::scheduler", event = ?event, "{event}")
        }
        Event::Failed { .. } => {
            tracing::warn!(target: "gen_core::scheduler", event = ?event, "{event}")
        }
        _ => tracing::debug!(target: "gen_core::scheduler", event = ?event, "{event}"),
    }
}
