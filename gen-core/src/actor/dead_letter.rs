//! Dead letters: messages no actor could receive.

use core::fmt;
use std::rc::Rc;

use super::Addr;

/// Why a message became a [`DeadLetter`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DeadLetterReason {
    /// No actor had that name when the message was sent, or the address was not issued by this
    /// scheduler.
    Unknown,
    /// The actor had returned before the message reached it.
    Finished,
    /// The actor had panicked before the message reached it.
    Failed,
}

impl fmt::Display for DeadLetterReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DeadLetterReason::Unknown => "no such actor",
            DeadLetterReason::Finished => "the actor had finished",
            DeadLetterReason::Failed => "the actor had panicked",
        })
    }
}

/// A message that could not be delivered, kept with the name of its recipient so it is never
/// silently lost. Collect them with
/// [`ActorScheduler::take_dead_letters`](super::ActorScheduler::take_dead_letters).
///
/// ```
/// use gen_core::actor::{ActorScheduler, DeadLetterReason};
///
/// let sched = ActorScheduler::<&str>::new();
/// sched.send("nobody", "hello?");
/// let letters = sched.take_dead_letters();
/// assert_eq!(letters[0].recipient(), "nobody");
/// assert_eq!(letters[0].reason(), DeadLetterReason::Unknown);
/// assert_eq!(letters[0].message(), &"hello?");
/// ```
pub struct DeadLetter<M> {
    pub(crate) recipient: Rc<str>,
    pub(crate) addr: Option<Addr>,
    pub(crate) reason: DeadLetterReason,
    pub(crate) message: M,
}

impl<M> DeadLetter<M> {
    /// The name the message was sent to (for an address, the name its actor had; for an address
    /// from another scheduler, `#index`).
    ///
    /// ```
    /// # use gen_core::actor::ActorScheduler;
    /// let sched = ActorScheduler::<u8>::new();
    /// sched.send("ghost", 1);
    /// assert_eq!(sched.take_dead_letters()[0].recipient(), "ghost");
    /// ```
    pub fn recipient(&self) -> &str {
        &self.recipient
    }

    /// The address the message was sent to, when it was sent to one (a name that resolved to no
    /// actor has none).
    ///
    /// ```
    /// # use gen_core::actor::ActorScheduler;
    /// let sched = ActorScheduler::<u8>::new();
    /// sched.send("ghost", 1);
    /// assert_eq!(sched.take_dead_letters()[0].addr(), None);
    /// ```
    pub fn addr(&self) -> Option<Addr> {
        self.addr
    }

    /// Why it could not be delivered.
    ///
    /// ```
    /// # use gen_core::actor::{ActorScheduler, DeadLetterReason};
    /// let sched = ActorScheduler::<u8>::new();
    /// sched.send("ghost", 1);
    /// assert_eq!(sched.take_dead_letters()[0].reason(), DeadLetterReason::Unknown);
    /// ```
    pub fn reason(&self) -> DeadLetterReason {
        self.reason
    }

    /// The undelivered message.
    ///
    /// ```
    /// # use gen_core::actor::ActorScheduler;
    /// let sched = ActorScheduler::<u8>::new();
    /// sched.send("ghost", 1);
    /// assert_eq!(sched.take_dead_letters()[0].message(), &1);
    /// ```
    pub fn message(&self) -> &M {
        &self.message
    }

    /// Takes the message back, for instance to send it elsewhere.
    ///
    /// ```
    /// # use gen_core::actor::ActorScheduler;
    /// let sched = ActorScheduler::<String>::new();
    /// sched.send("ghost", "boo".to_string());
    /// let message: String = sched.take_dead_letters().pop().unwrap().into_message();
    /// assert_eq!(message, "boo");
    /// ```
    pub fn into_message(self) -> M {
        self.message
    }
}

impl<M: fmt::Debug> fmt::Debug for DeadLetter<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DeadLetter")
            .field("recipient", &&*self.recipient)
            .field("addr", &self.addr)
            .field("reason", &self.reason)
            .field("message", &self.message)
            .finish()
    }
}
