//! Sleeping without blocking the other tasks.

use std::time::{Duration, Instant};

use super::request::Request;
use crate::{Generator, GeneratorState};

/// A generator that sleeps for `duration`: use it as `yield_from!(sleep(d))` in a task that
/// yields [`Request`]. The deadline is taken when it first runs (calling `sleep` does nothing,
/// like every generator).
///
/// It keeps the two properties of the seeds' `async_sleep`: it yields at least once, and
/// `sleep(Duration::ZERO)` yields exactly once (asyncio's `await asyncio.sleep(0)`: let the
/// others run; like asyncio, it is a plain [`Request::Yield`], without a timer). Under a [`Scheduler`](super::Scheduler) the task leaves the run queue until the
/// deadline; when every task sleeps, the scheduler parks the thread instead of spinning. Driven
/// by hand, it yields until the deadline has passed, like the seed's.
///
/// ```
/// use gen_core::prelude::*;
/// use gen_core::scheduler::{Request, Scheduler, sleep};
/// use std::time::{Duration, Instant};
///
/// #[generator]
/// fn nap() -> impl Generator<Yield = Request, Return = ()> {
///     yield_from!(sleep(Duration::from_millis(5)));
/// }
///
/// let started = Instant::now();
/// let mut scheduler = Scheduler::new();
/// scheduler.spawn(nap());
/// scheduler.run().unwrap();
/// assert!(started.elapsed() >= Duration::from_millis(5));
///
/// // sleep(0) yields exactly once.
/// assert_eq!(sleep(Duration::ZERO).iter().count(), 1);
/// ```
pub fn sleep(duration: Duration) -> Sleep {
    Sleep {
        state: SleepState::Start(duration),
    }
}

/// A generator that sleeps until `deadline`; see [`sleep`]. It yields once even if the deadline
/// has passed.
///
/// ```
/// use gen_core::prelude::*;
/// use gen_core::scheduler::sleep_until;
/// use std::time::Instant;
///
/// assert_eq!(sleep_until(Instant::now()).iter().count(), 1);
/// ```
pub fn sleep_until(deadline: Instant) -> Sleep {
    Sleep {
        state: SleepState::Start(Duration::ZERO),
    }
    .with_deadline(deadline)
}

/// The generator [`sleep`] and [`sleep_until`] return.
///
/// ```
/// use gen_core::prelude::*;
/// use gen_core::scheduler::{Request, Sleep, sleep};
/// use std::time::Duration;
///
/// let mut nap: Sleep = sleep(Duration::from_secs(60));
/// // Its first step asks the scheduler to wake it in a minute.
/// assert!(matches!(nap.start(), GeneratorState::Yielded(Request::SleepUntil(_))));
/// ```
#[derive(Clone, Debug)]
#[must_use = "generators do nothing unless resumed (use it with `yield_from!`)"]
pub struct Sleep {
    state: SleepState,
}

#[derive(Clone, Debug)]
enum SleepState {
    Start(Duration),
    StartAt(Instant),
    Waiting(Instant),
    YieldedOnce,
    Done,
}

impl Sleep {
    fn with_deadline(mut self, deadline: Instant) -> Self {
        self.state = SleepState::StartAt(deadline);
        self
    }
}

impl Generator for Sleep {
    type Yield = Request;
    type Return = ();

    fn start(&mut self) -> GeneratorState<Request, ()> {
        self.resume(())
    }

    fn resume(&mut self, (): ()) -> GeneratorState<Request, ()> {
        let deadline = match self.state {
            // asyncio's `sleep(0)` shortcut: a plain yield, no clock read, no timer.
            SleepState::Start(Duration::ZERO) => {
                self.state = SleepState::YieldedOnce;
                return GeneratorState::Yielded(Request::Yield);
            }
            SleepState::Start(duration) => Instant::now() + duration,
            SleepState::StartAt(deadline) => deadline,
            SleepState::Waiting(deadline) => {
                if Instant::now() >= deadline {
                    self.state = SleepState::Done;
                    return GeneratorState::Complete(());
                }
                deadline
            }
            SleepState::YieldedOnce => {
                self.state = SleepState::Done;
                return GeneratorState::Complete(());
            }
            SleepState::Done => panic!("a `sleep` generator resumed after it completed"),
        };
        self.state = SleepState::Waiting(deadline);
        GeneratorState::Yielded(Request::SleepUntil(deadline))
    }
}
