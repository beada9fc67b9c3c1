//! Delivery statistics.

/// What a scheduler did: returned by [`ActorScheduler::run`](super::ActorScheduler::run) for
/// that run, and by [`ActorScheduler::stats`](super::ActorScheduler::stats) since creation.
///
/// ```
/// use gen_core::actor::ActorScheduler;
/// use gen_core::prelude::*;
///
/// #[generator]
/// fn take_two() -> impl Generator<u8, Yield = (), Return = ()> {
///     r#yield!(());
///     r#yield!(());
/// }
///
/// let mut sched = ActorScheduler::new();
/// sched.spawn("t", take_two()).unwrap();
/// for n in 0..3 {
///     sched.send("t", n);
/// }
/// let stats = sched.run();
/// assert_eq!(stats.delivered, 2);
/// assert_eq!(stats.finished, 1);
/// assert_eq!(stats.dead_letters, 1);
/// assert_eq!(stats.failed, 0);
/// assert_eq!(stats.max_pending, 3);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Stats {
    /// Messages handed to an actor (including one that made it return or panic).
    pub delivered: u64,
    /// Messages that became [dead letters](super::DeadLetter).
    pub dead_letters: u64,
    /// Actors that panicked and were removed.
    pub failed: u64,
    /// Actors that returned and were removed.
    pub finished: u64,
    /// The most messages pending at once, sampled each time the scheduler takes the queued
    /// messages for delivery (after it has delivered the previous batch): constant for a
    /// steady-state system (2 for the counter/printer demo), so memory stays bounded.
    pub max_pending: usize,
}
