//! The round-robin deque scheduler: the seeds' mini asyncio, built on generators.
//!
//! A task is a generator resumed with `()`. It runs until it yields, and what it yields tells
//! the [`Scheduler`] what it wants next (a [`Request`]): `()` or [`Request::Yield`] to let the
//! others run, a deadline to sleep until, a task to spawn or cancel, a [`WaitList`] to block
//! on. Tasks sit in a FIFO [`VecDeque`](std::collections::VecDeque); each step resumes the
//! front one, then puts it back, parks it, or records its result.
//!
//! ```
//! use gen_core::prelude::*;
//! use gen_core::scheduler::{Queue, Request, Scheduler, sleep};
//! use std::time::Duration;
//!
//! #[generator]
//! fn producer(queue: Queue<u32>) -> impl Generator<Yield = Request, Return = ()> {
//!     for n in 1..=3 {
//!         yield_from!(queue.put(n * n));
//!         yield_from!(sleep(Duration::from_millis(1)));
//!     }
//! }
//!
//! #[generator]
//! fn consumer(queue: Queue<u32>) -> impl Generator<Yield = Request, Return = Vec<u32>> {
//!     let mut seen = Vec::new();
//!     while seen.len() < 3 {
//!         let item = yield_from!(queue.get());
//!         seen.push(item);
//!     }
//!     seen
//! }
//!
//! let queue = Queue::unbounded();
//! let mut scheduler = Scheduler::new();
//! scheduler.spawn(producer(queue.clone()));
//! let consumed = scheduler.spawn(consumer(queue));
//! scheduler.run().unwrap();
//! assert_eq!(consumed.take_result(), Some(Ok(vec![1, 4, 9])));
//! ```
//!
//! # Design
//!
//! - **Resume type `()`, requests as yields.** A task is any `Generator<(), Yield = Y>` with
//!   `Y: Into<Request>`; `()` converts to [`Request::Yield`], so the seeds' tasks (bare
//!   `yield`s, `Yield = ()`) run unchanged. Typed values (a joined task's result, a queue item)
//!   do not travel through the resume value: they are read from shared handles (`Rc`) by small
//!   generators ([`TaskHandle::join`], [`Queue::get`], [`Queue::put`], [`sleep`], [`spawn`])
//!   that yield the right request until their condition holds, and return the value through
//!   `yield_from!`. So one scheduler drives tasks of any types, a task's code reads like
//!   asyncio's (`let item = yield_from!(queue.get());` for `item = await queue.get()`), and
//!   the scheduler never downcasts. The price: a task that uses those helpers yields
//!   `Request` (write a bare yield as `r#yield!(Request::Yield)` or
//!   `yield_from!(yield_now())`).
//! - **Boxed, type-erased tasks.** Each task is one `Box<dyn ..>` holding the generator and an
//!   `Rc` to the result slot its handles read: two allocations at spawn, none per step
//!   (waiting and waking reuse their buffers; `tests/scheduler_alloc.rs` counts). A task
//!   nothing will join, spawned with [`Scheduler::spawn_detached`], keeps its id and result in
//!   its box: one allocation. A plain-yield step is a pop, one virtual call and a push. A
//!   panic anywhere in a step is caught around that virtual call (`catch_unwind`), so a
//!   panicking task is recorded (see [`Scheduler::failures`]) and the others go on.
//! - **No busy waiting.** Sleepers live in a min-heap on their deadline and are checked once
//!   per round (as asyncio checks its timers once per loop iteration); when no task is
//!   runnable the thread sleeps until the earliest deadline. Blocked tasks live in a map and
//!   are moved back to the run queue when their [`WaitList`] is notified; wake-ups may be
//!   spurious, so the helpers re-check and wait again. When nothing is runnable, nothing
//!   sleeps, and some tasks wait, nothing can ever wake them: [`Scheduler::run`] returns
//!   [`RunError::Stuck`] naming them instead of hanging.
//! - **Ownership is the lifecycle.** Cancelling a task drops its box (and so its
//!   generator and everything it saved); dropping the scheduler drops every pending task.
//!   Handles and wait lists hold no task, so there are no reference cycles.
//! - **Single-threaded, no `unsafe`, no global state**: ids count per scheduler, and the step
//!   log is an observer closure set per scheduler ([`Scheduler::set_observer`], [`Event`]).
//!
//! # Performance
//!
//! Nanoseconds per task switch, N tasks yielding M times round-robin (a criterion run of
//! `cargo bench --bench scheduler` on a shared 2-vCPU machine; details and cycle counts in
//! `BENCHMARKS.md`):
//!
//! | tasks x yields | hand-written limit | `#[generator]` tasks, `spawn` | the same, `spawn_detached` | hand-written tasks | tokio |
//! |---|---|---|---|---|---|
//! | 1,000 x 1,000 | 1.79 (1.00x) | 2.23 (1.26x) | 2.19 (1.20x) | 2.05 (1.14x) | 42.7 (24.0x) |
//! | 100,000 x 100 | 2.14 (1.00x) | 3.18 (1.49x) | 2.77 (1.27x) | 3.15 (1.47x) | 53.6 (25.1x) |
//!
//! In CPU cycles (less noisy), a switch of `#[generator]` tasks spawned without handles
//! ([`Scheduler::spawn_detached`], one allocation per task, as in the limit) costs 1.13x the
//! limit's with 1,000 long-lived tasks and 1.19x with 100,000 short ones: the issue's 1.2x
//! goal is met there. With handles ([`Scheduler::spawn`]: a second allocation per task, for
//! the result the handle reads) it is 1.16x and 1.42x: the boxes the run loop touches are
//! spread over more cache lines.
//!
//! # Failure rule
//!
//! A task fails when its generator panics (the message is recorded, its handle gives
//! [`TaskError::Panicked`]) or, for a task spawned with [`Scheduler::spawn_fallible`], when it
//! returns `Err` (the error's text is recorded; the typed `Err` is still its result).

mod deque;
mod error;
mod event;
mod queue;
mod request;
mod sleep;
mod task;
mod wait;

pub use deque::Scheduler;
pub use error::RunError;
pub use event::Event;
#[cfg(feature = "tracing")]
pub use event::trace_events;
pub use queue::{Get, Put, Queue};
pub use request::{IgnoreYields, Request, WaitReason, YieldNow, ignore_yields, yield_now};
pub use sleep::{Sleep, sleep, sleep_until};
pub use task::{CancelTask, Join, NewTask, SpawnTask, TaskError, TaskHandle, TaskId, spawn};
pub use wait::WaitList;
