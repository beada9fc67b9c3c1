//! Failures: actors that panicked, isolated and recorded.

use core::any::Any;
use core::fmt;
use std::rc::Rc;

use super::Addr;

/// An actor that panicked. The scheduler caught the panic, removed the actor and kept the
/// others running; collect failures with
/// [`ActorScheduler::take_failures`](super::ActorScheduler::take_failures).
///
/// The message being handled is kept when the scheduler was told to
/// [`capture_failed_messages`](super::ActorScheduler::capture_failed_messages) (it is moved into
/// the actor, so keeping it costs a clone per delivery); the panic message is always kept.
///
/// ```
/// use gen_core::actor::ActorScheduler;
/// use gen_core::prelude::*;
///
/// #[generator]
/// fn picky() -> impl Generator<u32, Yield = (), Return = ()> {
///     loop {
///         let n = r#yield!(());
///         assert!(n % 2 == 0, "odd number {n}");
///     }
/// }
///
/// let mut sched = ActorScheduler::new();
/// sched.capture_failed_messages();
/// sched.spawn("picky", picky()).unwrap();
/// sched.send("picky", 2);
/// sched.send("picky", 3);
/// let stats = sched.run();
/// assert_eq!(stats.failed, 1);
/// let failure = &sched.take_failures()[0];
/// assert_eq!(failure.actor(), "picky");
/// assert_eq!(failure.panic_message(), "odd number 3");
/// assert_eq!(failure.message(), Some(&3));
/// ```
pub struct Failure<M> {
    pub(crate) actor: Rc<str>,
    pub(crate) addr: Addr,
    pub(crate) panic: String,
    pub(crate) at_start: bool,
    pub(crate) message: Option<M>,
}

impl<M> Failure<M> {
    /// The name of the actor that panicked.
    ///
    /// See [`Failure`] for an example.
    pub fn actor(&self) -> &str {
        &self.actor
    }

    /// The address of the actor that panicked.
    ///
    /// ```
    /// use gen_core::actor::ActorScheduler;
    /// use gen_core::prelude::*;
    ///
    /// #[generator]
    /// fn fragile() -> impl Generator<(), Yield = (), Return = ()> {
    ///     r#yield!(());
    ///     panic!("broken");
    /// }
    ///
    /// let mut sched = ActorScheduler::new();
    /// let addr = sched.spawn("fragile", fragile()).unwrap();
    /// sched.send(addr, ());
    /// sched.run();
    /// assert_eq!(sched.take_failures()[0].addr(), addr);
    /// ```
    pub fn addr(&self) -> Addr {
        self.addr
    }

    /// The panic's message (`"<non-string panic payload>"` for payloads that are neither `&str`
    /// nor `String`).
    ///
    /// See [`Failure`] for an example.
    pub fn panic_message(&self) -> &str {
        &self.panic
    }

    /// `true` if the actor panicked while being started at registration (before its first
    /// `r#yield!`), so no message was involved.
    ///
    /// ```
    /// use gen_core::actor::ActorScheduler;
    /// use gen_core::prelude::*;
    ///
    /// #[generator]
    /// fn doomed() -> impl Generator<u8, Yield = (), Return = ()> {
    ///     panic!("no");
    ///     #[allow(unreachable_code)]
    ///     loop {
    ///         r#yield!(());
    ///     }
    /// }
    ///
    /// let mut sched = ActorScheduler::new();
    /// sched.spawn("doomed", doomed()).unwrap();
    /// let failure = &sched.take_failures()[0];
    /// assert!(failure.at_start());
    /// assert_eq!(failure.message(), None);
    /// ```
    pub fn at_start(&self) -> bool {
        self.at_start
    }

    /// The message the actor was handling when it panicked, if messages are being captured.
    ///
    /// See [`Failure`] for an example.
    pub fn message(&self) -> Option<&M> {
        self.message.as_ref()
    }

    /// Takes the message back, if it was captured.
    ///
    /// ```
    /// use gen_core::actor::ActorScheduler;
    /// use gen_core::prelude::*;
    ///
    /// #[generator]
    /// fn fussy() -> impl Generator<String, Yield = (), Return = ()> {
    ///     let s = r#yield!(());
    ///     panic!("cannot handle {s}");
    /// }
    ///
    /// let mut sched = ActorScheduler::new();
    /// sched.capture_failed_messages();
    /// sched.spawn("fussy", fussy()).unwrap();
    /// sched.send("fussy", "this".to_string());
    /// sched.run();
    /// let message = sched.take_failures().pop().unwrap().into_message();
    /// assert_eq!(message.as_deref(), Some("this"));
    /// ```
    pub fn into_message(self) -> Option<M> {
        self.message
    }
}

impl<M: fmt::Debug> fmt::Debug for Failure<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Failure")
            .field("actor", &&*self.actor)
            .field("addr", &self.addr)
            .field("panic", &self.panic)
            .field("at_start", &self.at_start)
            .field("message", &self.message)
            .finish()
    }
}

/// The text of a panic payload: `panic!` with a literal gives `&str`, with arguments `String`.
pub(crate) fn panic_text(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "<non-string panic payload>".to_owned()
    }
}
