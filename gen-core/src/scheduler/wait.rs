//! Wait lists: how a blocked task is woken without anyone polling it.

use core::fmt;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::task::TaskId;

/// Where a scheduler collects the ids of the tasks a [`WaitList`] woke; it moves them back to
/// its run queue after the current step. The flag makes the per-step check one load.
#[derive(Clone, Default)]
pub(crate) struct WakeSink(Rc<WakeQueue>);

#[derive(Default)]
pub(crate) struct WakeQueue {
    pending: Cell<bool>,
    ids: RefCell<Vec<TaskId>>,
}

impl WakeSink {
    #[inline]
    pub(crate) fn pending(&self) -> bool {
        self.0.pending.get()
    }

    fn push(&self, id: TaskId) {
        self.0.ids.borrow_mut().push(id);
        self.0.pending.set(true);
    }

    /// Swaps the woken ids into `out` (empty), so both buffers keep their capacity: waking
    /// allocates nothing once warmed up.
    pub(crate) fn take_into(&self, out: &mut Vec<TaskId>) {
        self.0.pending.set(false);
        core::mem::swap(&mut *self.0.ids.borrow_mut(), out);
    }
}

/// The tasks blocked on one condition (a queue becoming non-empty, a task finishing, ...).
///
/// A task blocks by yielding [`Request::Wait`](super::Request::Wait) with a clone of the list;
/// the scheduler takes it off the run queue and registers it here. Whoever changes the
/// condition calls [`notify_all`](WaitList::notify_all), which hands the waiters back to their
/// schedulers. Wake-ups may be spurious (several waiters, one item), so a waiting generator
/// re-checks its condition when resumed and waits again if it still does not hold: that is how
/// [`Queue::get`](super::Queue::get) and [`TaskHandle::join`](super::TaskHandle::join) work.
///
/// Cloning is cheap and clones share the same list.
///
/// ```
/// use gen_core::scheduler::{Request, Scheduler, WaitList, WaitReason};
/// use gen_core::{Generator, GeneratorState};
/// use std::cell::Cell;
/// use std::rc::Rc;
///
/// // A hand-written generator that waits until a flag is set.
/// struct WaitFlag(Rc<Cell<bool>>, WaitList);
/// impl Generator for WaitFlag {
///     type Yield = Request;
///     type Return = &'static str;
///     fn start(&mut self) -> GeneratorState<Request, &'static str> { self.resume(()) }
///     fn resume(&mut self, _: ()) -> GeneratorState<Request, &'static str> {
///         if self.0.get() {
///             GeneratorState::Complete("flag set")
///         } else {
///             GeneratorState::Yielded(Request::Wait(self.1.clone(), WaitReason::Other("flag")))
///         }
///     }
/// }
///
/// let flag = Rc::new(Cell::new(false));
/// let list = WaitList::new();
/// let mut scheduler = Scheduler::new();
/// let waiter = scheduler.spawn(WaitFlag(flag.clone(), list.clone()));
/// assert!(scheduler.run().is_err()); // it blocked and nobody can set the flag: stuck
/// flag.set(true);
/// list.notify_all();
/// scheduler.run().unwrap();
/// assert_eq!(waiter.take_result().unwrap().unwrap(), "flag set");
/// ```
#[derive(Clone, Default)]
pub struct WaitList {
    waiters: Rc<RefCell<Vec<(TaskId, WakeSink)>>>,
}

impl WaitList {
    /// An empty wait list.
    ///
    /// ```
    /// let list = gen_core::scheduler::WaitList::new();
    /// assert_eq!(list.len(), 0);
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// How many tasks are registered (including ones cancelled since, which are skipped when
    /// woken).
    ///
    /// ```
    /// let list = gen_core::scheduler::WaitList::new();
    /// assert!(list.is_empty());
    /// ```
    pub fn len(&self) -> usize {
        self.waiters.borrow().len()
    }

    /// `true` when no task is registered.
    ///
    /// ```
    /// assert!(gen_core::scheduler::WaitList::new().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.waiters.borrow().is_empty()
    }

    /// Wakes every registered task (they return to their scheduler's run queue after the
    /// current step) and empties the list.
    ///
    /// ```
    /// let list = gen_core::scheduler::WaitList::new();
    /// list.notify_all(); // nothing registered: nothing happens
    /// assert!(list.is_empty());
    /// ```
    pub fn notify_all(&self) {
        // Drained in place (keeping the capacity): a sink is another `RefCell`, and no task
        // runs, so none registers, while the list is borrowed.
        for (id, sink) in self.waiters.borrow_mut().drain(..) {
            sink.push(id);
        }
    }

    pub(crate) fn register(&self, id: TaskId, sink: &WakeSink) {
        self.waiters.borrow_mut().push((id, sink.clone()));
    }
}

impl fmt::Debug for WaitList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WaitList")
            .field("waiters", &self.len())
            .finish()
    }
}
