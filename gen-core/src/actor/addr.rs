//! Addresses and recipients: how a message names the actor it is for.

use core::fmt;

/// The address of an actor in one [`ActorScheduler`](super::ActorScheduler), returned when it
/// is spawned.
///
/// Sending to an address skips the name lookup, so it is the fast path. An address stays valid
/// after its actor is gone: messages sent to it become dead letters that still name the actor.
/// Addresses are not reused, so a new actor under the same name gets a new address. An address
/// only means something to the scheduler that issued it.
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
pub struct Addr(pub(crate) usize);

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
        self.0
    }
}

impl fmt::Debug for Addr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Addr(#{})", self.0)
    }
}

impl fmt::Display for Addr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
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
