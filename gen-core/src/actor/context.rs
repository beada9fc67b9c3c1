//! The state actors share with their scheduler, and the handle they send through.

use core::cell::RefCell;
use core::fmt;
use std::collections::{HashMap, VecDeque};
use std::rc::Rc;

use super::addr::SchedulerId;
use super::name_hash::BuildFxHasher;
use super::{Addr, DeadLetter, DeadLetterReason, Recipient};

/// The message queue and the name directory. Borrowed only for the length of one push, pop or
/// lookup, and never while an actor runs, so the `RefCell` borrows cannot conflict.
pub(crate) struct Shared<M> {
    /// The scheduler's id, which its addresses carry.
    pub(crate) id: SchedulerId,
    pub(crate) queue: VecDeque<(Addr, M)>,
    pub(crate) names: HashMap<Rc<str>, Addr, BuildFxHasher>,
    pub(crate) dead_letters: Vec<DeadLetter<M>>,
    pub(crate) dead_letter_count: u64,
}

impl<M> Shared<M> {
    pub(crate) fn new() -> Self {
        Shared {
            id: SchedulerId::next(),
            queue: VecDeque::new(),
            names: HashMap::default(),
            dead_letters: Vec::new(),
            dead_letter_count: 0,
        }
    }

    /// Enqueues for an address (checked at delivery) or a name (resolved now, as Python does).
    /// Both kinds of recipient, each in its own function. Always inlined, so that in a
    /// `send` generic over the recipient the other kind's code is gone before LLVM judges
    /// whether to inline the send into the actor (a hash lookup kept a send by address out of
    /// line), and a name known there is compared inline.
    #[inline(always)]
    pub(crate) fn send(&mut self, to: Recipient<'_>, message: M) {
        match to {
            Recipient::Addr(addr) => self.send_to_addr(addr, message),
            Recipient::Name(name) => self.send_to_name(name, message),
        }
    }

    #[inline]
    fn send_to_addr(&mut self, addr: Addr, message: M) {
        if addr.scheduler == self.id {
            self.queue.push_back((addr, message));
        } else {
            self.foreign_addr(addr, message);
        }
    }

    #[inline]
    fn send_to_name(&mut self, name: &str, message: M) {
        match self.names.get(name) {
            Some(&addr) => self.queue.push_back((addr, message)),
            None => self.unknown_name(name, message),
        }
    }

    #[cold]
    fn unknown_name(&mut self, name: &str, message: M) {
        self.dead_letter(DeadLetter {
            recipient: Rc::from(name),
            addr: None,
            reason: DeadLetterReason::Unknown,
            message,
        });
    }

    #[cold]
    fn foreign_addr(&mut self, addr: Addr, message: M) {
        self.dead_letter(DeadLetter {
            recipient: Rc::from(addr.to_string()),
            addr: Some(addr),
            reason: DeadLetterReason::Unknown,
            message,
        });
    }

    #[cold]
    pub(crate) fn dead_letter(&mut self, letter: DeadLetter<M>) {
        self.dead_letter_count += 1;
        self.dead_letters.push(letter);
    }
}

/// A handle for sending messages into an [`ActorScheduler`](super::ActorScheduler), from inside
/// an actor or from anywhere else. Cheap to clone; typed by the scheduler's message type `M`.
///
/// An actor gets one as an argument (see
/// [`spawn_with`](super::ActorScheduler::spawn_with)); sends are queued and delivered by the
/// scheduler's `run` after the current message, in FIFO order, so an actor never runs inside
/// another and the stack never grows. A context that outlives its scheduler keeps the queue
/// alive, but nothing delivers from it any more.
///
/// ```
/// use gen_core::actor::{ActorScheduler, Context};
/// use gen_core::prelude::*;
///
/// #[generator]
/// fn echo(ctx: Context<String>) -> impl Generator<String, Yield = (), Return = ()> {
///     let msg = r#yield!(());
///     ctx.send("log", format!("echo: {msg}"));
/// }
///
/// #[generator]
/// fn log(out: std::rc::Rc<std::cell::RefCell<Vec<String>>>) -> impl Generator<String, Yield = (), Return = ()> {
///     loop {
///         let line = r#yield!(());
///         out.borrow_mut().push(line);
///     }
/// }
///
/// let out = std::rc::Rc::default();
/// let mut sched = ActorScheduler::new();
/// sched.spawn("log", log(std::rc::Rc::clone(&out))).unwrap();
/// sched.spawn_with("echo", |ctx, _me| echo(ctx)).unwrap();
/// sched.send("echo", "hi".to_string());
/// sched.run();
/// assert_eq!(*out.borrow(), ["echo: hi"]);
/// ```
pub struct Context<M> {
    pub(crate) shared: Rc<RefCell<Shared<M>>>,
}

impl<M> Context<M> {
    /// Queues `message` for an actor, by [`Addr`] or by name. A name that no running actor has
    /// makes the message a [dead letter](DeadLetter) at once; an address is checked when the
    /// message is delivered.
    ///
    /// See [`Context`] for an example.
    #[inline]
    pub fn send<'a>(&self, to: impl Into<Recipient<'a>>, message: M) {
        self.shared.borrow_mut().send(to.into(), message);
    }

    /// The address of the running actor with this name, if any. Resolving a name once and
    /// sending to the address saves a hash lookup per message.
    ///
    /// ```
    /// use gen_core::actor::ActorScheduler;
    ///
    /// let sched = ActorScheduler::<()>::new();
    /// assert_eq!(sched.context().addr("nobody"), None);
    /// ```
    pub fn addr(&self, name: &str) -> Option<Addr> {
        self.shared.borrow().names.get(name).copied()
    }
}

impl<M> Clone for Context<M> {
    fn clone(&self) -> Self {
        Context {
            shared: Rc::clone(&self.shared),
        }
    }
}

impl<M> fmt::Debug for Context<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct("Context");
        // `try_borrow`: formatting must not panic, whatever the caller is doing.
        if let Ok(shared) = self.shared.try_borrow() {
            d.field("queued", &shared.queue.len());
            d.field("actors", &shared.names.len());
        }
        d.finish_non_exhaustive()
    }
}
