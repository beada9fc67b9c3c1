//! An async queue: the seeds' producer/consumer.

use core::fmt;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use super::request::{Request, WaitReason};
use super::wait::WaitList;
use crate::{Generator, GeneratorState};

/// A FIFO queue shared by tasks, bounded or not: asyncio's `Queue`.
///
/// [`get`](Queue::get) waits while the queue is empty and [`put`](Queue::put) waits while it is
/// full. A waiting task leaves the run queue and is woken when the queue changes; nothing
/// spins. Clones share the same queue.
///
/// ```
/// use gen_core::prelude::*;
/// use gen_core::scheduler::{Queue, Request, Scheduler};
///
/// #[generator]
/// fn producer(queue: Queue<u32>) -> impl Generator<Yield = Request, Return = ()> {
///     for n in 0..5 {
///         yield_from!(queue.put(n));
///     }
/// }
///
/// #[generator]
/// fn consumer(queue: Queue<u32>) -> impl Generator<Yield = Request, Return = u32> {
///     let mut sum = 0;
///     for _ in 0..5 {
///         sum += yield_from!(queue.get());
///     }
///     sum
/// }
///
/// let queue = Queue::bounded(2);
/// let mut scheduler = Scheduler::new();
/// let total = scheduler.spawn(consumer(queue.clone()));
/// scheduler.spawn(producer(queue));
/// scheduler.run().unwrap();
/// assert_eq!(total.take_result(), Some(Ok(10)));
/// ```
pub struct Queue<T> {
    inner: Rc<Inner<T>>,
}

struct Inner<T> {
    items: RefCell<VecDeque<T>>,
    capacity: Option<usize>,
    getters: WaitList,
    putters: WaitList,
}

impl<T> Clone for Queue<T> {
    fn clone(&self) -> Self {
        Queue {
            inner: Rc::clone(&self.inner),
        }
    }
}

impl<T> Default for Queue<T> {
    fn default() -> Self {
        Self::unbounded()
    }
}

impl<T> Queue<T> {
    fn with_capacity(capacity: Option<usize>) -> Self {
        Queue {
            inner: Rc::new(Inner {
                items: RefCell::new(VecDeque::new()),
                capacity,
                getters: WaitList::new(),
                putters: WaitList::new(),
            }),
        }
    }

    /// A queue without a size limit: `put` never waits.
    ///
    /// ```
    /// let q = gen_core::scheduler::Queue::<u8>::unbounded();
    /// assert_eq!(q.capacity(), None);
    /// ```
    pub fn unbounded() -> Self {
        Self::with_capacity(None)
    }

    /// A queue holding at most `capacity` items: `put` waits while it is full.
    ///
    /// # Panics
    ///
    /// If `capacity` is 0: such a queue could never hold an item (a rendezvous channel is not
    /// what asyncio's queue is).
    ///
    /// ```
    /// let q = gen_core::scheduler::Queue::bounded(1);
    /// assert!(q.try_put('a').is_ok());
    /// assert_eq!(q.try_put('b'), Err('b'));
    /// ```
    pub fn bounded(capacity: usize) -> Self {
        assert!(
            capacity > 0,
            "a bounded queue needs a capacity of at least 1"
        );
        Self::with_capacity(Some(capacity))
    }

    /// The size limit, if any.
    ///
    /// ```
    /// assert_eq!(gen_core::scheduler::Queue::<u8>::bounded(3).capacity(), Some(3));
    /// ```
    pub fn capacity(&self) -> Option<usize> {
        self.inner.capacity
    }

    /// How many items wait in the queue.
    ///
    /// ```
    /// let q = gen_core::scheduler::Queue::unbounded();
    /// q.try_put(1).unwrap();
    /// assert_eq!(q.len(), 1);
    /// ```
    pub fn len(&self) -> usize {
        self.inner.items.borrow().len()
    }

    /// `true` when no item waits.
    ///
    /// ```
    /// assert!(gen_core::scheduler::Queue::<u8>::unbounded().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.inner.items.borrow().is_empty()
    }

    /// `true` when a bounded queue holds `capacity` items.
    ///
    /// ```
    /// let q = gen_core::scheduler::Queue::bounded(1);
    /// q.try_put(()).unwrap();
    /// assert!(q.is_full());
    /// ```
    pub fn is_full(&self) -> bool {
        self.inner
            .capacity
            .is_some_and(|capacity| self.len() >= capacity)
    }

    /// Puts an item if there is room (waking the tasks waiting to get), or gives it back.
    /// Usable from outside any task.
    ///
    /// ```
    /// let q = gen_core::scheduler::Queue::bounded(1);
    /// assert_eq!(q.try_put(5), Ok(()));
    /// assert_eq!(q.try_put(6), Err(6));
    /// ```
    pub fn try_put(&self, item: T) -> Result<(), T> {
        if self.is_full() {
            return Err(item);
        }
        self.inner.items.borrow_mut().push_back(item);
        self.inner.getters.notify_all();
        Ok(())
    }

    /// Takes the oldest item if there is one (waking the tasks waiting to put).
    /// Usable from outside any task.
    ///
    /// ```
    /// let q = gen_core::scheduler::Queue::unbounded();
    /// q.try_put("x").unwrap();
    /// assert_eq!(q.try_get(), Some("x"));
    /// assert_eq!(q.try_get(), None);
    /// ```
    pub fn try_get(&self) -> Option<T> {
        let item = self.inner.items.borrow_mut().pop_front();
        if item.is_some() {
            self.inner.putters.notify_all();
        }
        item
    }

    /// A generator that waits while the queue is empty, then returns the oldest item:
    /// `let item = yield_from!(queue.get());` (asyncio's `await queue.get()`).
    ///
    /// ```
    /// use gen_core::prelude::*;
    /// use gen_core::scheduler::Queue;
    ///
    /// let q = Queue::unbounded();
    /// q.try_put(9).unwrap();
    /// assert_eq!(q.get().start().complete(), Some(9));
    /// ```
    pub fn get(&self) -> Get<T> {
        Get {
            queue: self.clone(),
        }
    }

    /// A generator that waits while the queue is full, then puts `item`:
    /// `yield_from!(queue.put(item));` (asyncio's `await queue.put(item)`).
    ///
    /// ```
    /// use gen_core::prelude::*;
    /// use gen_core::scheduler::Queue;
    ///
    /// let q = Queue::bounded(1);
    /// assert!(q.put('a').start().is_complete());
    /// let mut blocked = q.put('b');
    /// assert!(blocked.start().is_yielded()); // full: it waits
    /// assert_eq!(q.try_get(), Some('a'));
    /// assert!(blocked.resume(()).is_complete());
    /// assert_eq!(q.try_get(), Some('b'));
    /// ```
    pub fn put(&self, item: T) -> Put<T> {
        Put {
            queue: self.clone(),
            item: Some(item),
        }
    }
}

impl<T> fmt::Debug for Queue<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Queue")
            .field("len", &self.len())
            .field("capacity", &self.inner.capacity)
            .field("waiting_to_get", &self.inner.getters.len())
            .field("waiting_to_put", &self.inner.putters.len())
            .finish()
    }
}

/// The generator [`Queue::get`] returns.
///
/// ```
/// use gen_core::prelude::*;
/// use gen_core::scheduler::{Get, Queue, Request};
///
/// let q = Queue::<u8>::unbounded();
/// let mut get: Get<u8> = q.get();
/// assert!(matches!(get.start(), GeneratorState::Yielded(Request::Wait(..)))); // empty: waits
/// ```
#[must_use = "generators do nothing unless resumed (use it with `yield_from!`)"]
pub struct Get<T> {
    queue: Queue<T>,
}

impl<T> Generator for Get<T> {
    type Yield = Request;
    type Return = T;

    fn start(&mut self) -> GeneratorState<Request, T> {
        self.resume(())
    }

    fn resume(&mut self, (): ()) -> GeneratorState<Request, T> {
        // Re-check on every resume: a wake-up only means the queue changed.
        match self.queue.try_get() {
            Some(item) => GeneratorState::Complete(item),
            None => GeneratorState::Yielded(Request::Wait(
                self.queue.inner.getters.clone(),
                WaitReason::QueueGet,
            )),
        }
    }
}

impl<T> fmt::Debug for Get<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Get").field("queue", &self.queue).finish()
    }
}

/// The generator [`Queue::put`] returns.
///
/// ```
/// use gen_core::prelude::*;
/// use gen_core::scheduler::{Put, Queue};
///
/// let q = Queue::unbounded();
/// let mut put: Put<&str> = q.put("item");
/// assert!(put.start().is_complete()); // room: done at once
/// assert_eq!(q.try_get(), Some("item"));
/// ```
#[must_use = "generators do nothing unless resumed (use it with `yield_from!`)"]
pub struct Put<T> {
    queue: Queue<T>,
    item: Option<T>,
}

impl<T> Generator for Put<T> {
    type Yield = Request;
    type Return = ();

    fn start(&mut self) -> GeneratorState<Request, ()> {
        self.resume(())
    }

    fn resume(&mut self, (): ()) -> GeneratorState<Request, ()> {
        let Some(item) = self.item.take() else {
            panic!("a queue `put` generator resumed after it completed");
        };
        match self.queue.try_put(item) {
            Ok(()) => GeneratorState::Complete(()),
            Err(item) => {
                self.item = Some(item);
                GeneratorState::Yielded(Request::Wait(
                    self.queue.inner.putters.clone(),
                    WaitReason::QueuePut,
                ))
            }
        }
    }
}

impl<T> fmt::Debug for Put<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Put").field("queue", &self.queue).finish()
    }
}
