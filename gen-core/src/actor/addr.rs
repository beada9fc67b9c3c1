//! Addresses and recipients: how a message names the actor it is for.

use core::fmt;
use core::sync::atomic::{AtomicU32, Ordering};

/// The address of an actor in one [`ActorScheduler`](super::ActorScheduler), returned when it
/// is spawned.
///
/// Sending to an address skips the name lookup, so it is the fast path. An address stays valid
/// after its actor is gone: messages sent to it become dead letters that still name the actor.
/// Addresses are not reused, so a new actor under the same name gets a new address. An address
/// names the scheduler that issued it: another scheduler takes a message sent to it as a dead
/// letter ([`DeadLetterReason::Unknown`](super::DeadLetterReason::Unknown)), never as mail for
/// one of its own actors.
///
/// ```
/// use gen_core::actor::ActorScheduler;
/// use gen_core::prelude::*;
///
/// #[generator]
/// fn sink() -> impl Generator<u32, Yield = (), Return = ()> {
///     loop {
///         r#yield!(());
///     }
/// }
///
/// let mut sched = ActorScheduler::new();
/// let addr = sched.spawn("sink", sink()).unwrap();
/// assert_eq!(sched.addr("sink"), Some(addr));
/// assert_eq!(sched.name(addr), Some("sink"));
/// sched.send(addr, 7);
/// assert_eq!(sched.run().delivered, 1);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Addr {
    /// The issuing scheduler's id (see `SchedulerId`).
    pub(crate) scheduler: SchedulerId,
    pub(crate) index: u32,
}

impl Addr {
    /// The actor's position in registration order, starting at 0.
    ///
    /// ```
    /// use gen_core::actor::ActorScheduler;
    /// use gen_core::prelude::*;
    ///
    /// #[generator]
    /// fn sink() -> impl Generator<u32, Yield = (), Return = ()> {
    ///     loop {
    ///         r#yield!(());
    ///     }
    /// }
    ///
    /// let mut sched = ActorScheduler::new();
    /// assert_eq!(sched.spawn("a", sink()).unwrap().index(), 0);
    /// assert_eq!(sched.spawn("b", sink()).unwrap().index(), 1);
    /// ```
    pub fn index(self) -> usize {
        self.index as usize
    }
}

/// Tells apart the schedulers of a process, so an address is only honoured by its own. Ids
/// come from a process-wide counter and repeat only after 2^32 schedulers.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub(crate) struct SchedulerId(u32);

impl SchedulerId {
    pub(crate) fn next() -> Self {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        SchedulerId(NEXT.fetch_add(1, Ordering::Relaxed))
    }
}

impl fmt::Debug for Addr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Addr(#{})", self.index)
    }
}

impl fmt::Display for Addr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.index)
    }
}

/// Who a message is for: an [`Addr`], or an actor's name (looked up when the message is sent,
/// as Python's `sched.send(name, msg)` does).
///
/// Every `send` takes `impl Into<Recipient>`, so both `send(addr, msg)` and
/// `send("printer", msg)` work.
///
/// ```
/// use gen_core::actor::{Addr, Recipient};
///
/// let by_name: Recipient<'_> = "printer".into();
/// assert_eq!(by_name, Recipient::Name("printer"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Recipient<'a> {
    /// An actor's address.
    Addr(Addr),
    /// An actor's name.
    Name(&'a str),
}

impl From<Addr> for Recipient<'_> {
    fn from(addr: Addr) -> Self {
        Recipient::Addr(addr)
    }
}

impl<'a> From<&'a str> for Recipient<'a> {
    fn from(name: &'a str) -> Self {
        Recipient::Name(name)
    }
}

impl<'a> From<&'a String> for Recipient<'a> {
    fn from(name: &'a String) -> Self {
        Recipient::Name(name)
    }
}
