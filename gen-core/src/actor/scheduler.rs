//! The scheduler: named actors, a FIFO of messages, one delivery at a time.

use core::cell::RefCell;
use core::fmt;
use std::collections::VecDeque;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::rc::Rc;

use super::context::Shared;
use super::failure::panic_text;
use super::{Addr, Context, DeadLetter, DeadLetterReason, Failure, Recipient, SpawnError, Stats};
use crate::{Generator, GeneratorState};

/// An actor as the scheduler stores it: any generator resumed with `M` that yields `()`.
type BoxActor<M> = Box<dyn Generator<M, Yield = (), Return = ()>>;

/// One registered actor. The slot outlives the actor (as a tombstone of its name) so that
/// messages still addressed to it become dead letters that say whom they were for.
struct Slot<M> {
    name: Rc<str>,
    state: SlotState<M>,
}

enum SlotState<M> {
    Running(BoxActor<M>),
    Finished,
    Failed,
}

/// Beazley's `ActorScheduler` (seed 002): named actors are generators resumed with messages,
/// delivered one at a time from a FIFO queue. See the [module docs](super) for the design.
///
/// ```
/// use gen_core::actor::{ActorScheduler, Context};
/// use gen_core::prelude::*;
///
/// #[generator]
/// fn printer(out: std::rc::Rc<std::cell::RefCell<Vec<String>>>) -> impl Generator<u64, Yield = (), Return = ()> {
///     loop {
///         let msg = r#yield!(());
///         out.borrow_mut().push(format!("Got: {msg}"));
///     }
/// }
///
/// #[generator]
/// fn counter(sched: Context<u64>) -> impl Generator<u64, Yield = (), Return = ()> {
///     loop {
///         let n = r#yield!(());
///         if n == 0 {
///             break;
///         }
///         sched.send("printer", n);
///         sched.send("counter", n - 1);
///     }
/// }
///
/// let out = std::rc::Rc::default();
/// let mut sched = ActorScheduler::new();
/// sched.spawn("printer", printer(std::rc::Rc::clone(&out))).unwrap();
/// sched.spawn_with("counter", |ctx, _me| counter(ctx)).unwrap();
/// sched.send("counter", 3);
/// let stats = sched.run();
/// assert_eq!(*out.borrow(), ["Got: 3", "Got: 2", "Got: 1"]);
/// assert_eq!(stats.delivered, 7);
/// assert_eq!(stats.finished, 1); // the counter returned at 0
/// ```
pub struct ActorScheduler<M> {
    shared: Rc<RefCell<Shared<M>>>,
    actors: Vec<Slot<M>>,
    /// Messages taken from the shared queue for delivery, oldest first; see `take_batch`.
    batch: VecDeque<(Addr, M)>,
    failures: Vec<Failure<M>>,
    /// Totals since creation; `dead_letters` is read from `shared`, where sends count them.
    stats: Stats,
    /// Set by `capture_failed_messages`: a function pointer keeps `M: Clone` off the type.
    capture: Option<fn(&M) -> M>,
}

impl<M: 'static> Default for ActorScheduler<M> {
    fn default() -> Self {
        Self::new()
    }
}

impl<M: 'static> ActorScheduler<M> {
    /// An empty scheduler.
    ///
    /// ```
    /// use gen_core::actor::ActorScheduler;
    ///
    /// let mut sched = ActorScheduler::<String>::new();
    /// assert_eq!(sched.run().delivered, 0);
    /// ```
    pub fn new() -> Self {
        ActorScheduler {
            shared: Rc::new(RefCell::new(Shared::new())),
            actors: Vec::new(),
            batch: VecDeque::new(),
            failures: Vec::new(),
            stats: Stats::default(),
            capture: None,
        }
    }

    /// A handle for sending into this scheduler, to pass to an actor (or keep outside).
    ///
    /// ```
    /// use gen_core::actor::ActorScheduler;
    ///
    /// let sched = ActorScheduler::<u8>::new();
    /// let ctx = sched.context();
    /// ctx.send("nobody", 1);
    /// assert_eq!(sched.stats().dead_letters, 1);
    /// ```
    pub fn context(&self) -> Context<M> {
        Context {
            shared: Rc::clone(&self.shared),
        }
    }

    /// Registers `actor` under `name` and starts it: [`Generator::start`] runs it to its first
    /// `r#yield!` (Python's priming `send(None)`), so the first message sent to it answers that
    /// yield and none is lost. An actor that returns or panics while starting is recorded as
    /// finished or failed at once.
    ///
    /// Fails only if a running actor already has the name.
    ///
    /// ```
    /// use gen_core::actor::ActorScheduler;
    /// use gen_core::prelude::*;
    ///
    /// #[generator]
    /// fn greeter(log: std::rc::Rc<std::cell::RefCell<Vec<String>>>) -> impl Generator<&'static str, Yield = (), Return = ()> {
    ///     log.borrow_mut().push("started".into()); // runs at spawn
    ///     loop {
    ///         let name = r#yield!(());
    ///         log.borrow_mut().push(format!("hello {name}"));
    ///     }
    /// }
    ///
    /// let log = std::rc::Rc::default();
    /// let mut sched = ActorScheduler::new();
    /// sched.spawn("greeter", greeter(std::rc::Rc::clone(&log))).unwrap();
    /// assert_eq!(*log.borrow(), ["started"]);
    /// sched.send("greeter", "ada");
    /// sched.run();
    /// assert_eq!(*log.borrow(), ["started", "hello ada"]);
    /// ```
    pub fn spawn<G>(&mut self, name: &str, actor: G) -> Result<Addr, SpawnError>
    where
        G: Generator<M, Yield = (), Return = ()> + 'static,
    {
        self.spawn_with(name, |_, _| actor)
    }

    /// Like [`spawn`](Self::spawn), building the actor from a [`Context`] into this scheduler
    /// and the address it will have, for actors that send messages (to others or to
    /// themselves). `make` is not called if the name is taken.
    ///
    /// ```
    /// use gen_core::actor::{ActorScheduler, Addr, Context};
    /// use gen_core::prelude::*;
    ///
    /// #[generator]
    /// fn tick(ctx: Context<u32>, me: Addr) -> impl Generator<u32, Yield = (), Return = ()> {
    ///     loop {
    ///         let n = r#yield!(());
    ///         if n == 0 {
    ///             break;
    ///         }
    ///         ctx.send(me, n - 1); // to itself, by address
    ///     }
    /// }
    ///
    /// let mut sched = ActorScheduler::new();
    /// let me = sched.spawn_with("tick", |ctx, me| tick(ctx, me)).unwrap();
    /// sched.send(me, 4);
    /// assert_eq!(sched.run().delivered, 5);
    /// assert!(!sched.is_running(me));
    /// ```
    pub fn spawn_with<G, F>(&mut self, name: &str, make: F) -> Result<Addr, SpawnError>
    where
        G: Generator<M, Yield = (), Return = ()> + 'static,
        F: FnOnce(Context<M>, Addr) -> G,
    {
        if let Some(&by) = self.shared.borrow().names.get(name) {
            return Err(SpawnError::NameTaken {
                name: name.to_owned(),
                by,
            });
        }
        let index = u32::try_from(self.actors.len()).expect("fewer than 2^32 actors");
        let addr = Addr {
            scheduler: self.shared.borrow().id,
            index,
        };
        let name: Rc<str> = Rc::from(name);
        let mut actor: BoxActor<M> = Box::new(make(self.context(), addr));
        // Registered before priming, so what the actor sends itself by name while starting
        // reaches it.
        self.shared
            .borrow_mut()
            .names
            .insert(Rc::clone(&name), addr);
        // Priming: a panic here is isolated like one during a message.
        let state = match catch_unwind(AssertUnwindSafe(|| actor.start())) {
            Ok(GeneratorState::Yielded(())) => SlotState::Running(actor),
            Ok(GeneratorState::Complete(())) => {
                self.stats.finished += 1;
                self.shared.borrow_mut().names.remove(&name);
                drop_isolated(actor);
                SlotState::Finished
            }
            Err(payload) => {
                self.shared.borrow_mut().names.remove(&name);
                self.record_failure(&name, addr, &*payload, true, None);
                drop_isolated(payload);
                drop_isolated(actor);
                SlotState::Failed
            }
        };
        self.actors.push(Slot { name, state });
        Ok(addr)
    }

    /// Queues `message` for an actor, by [`Addr`] or by name (Python's `sched.send`). Same as
    /// [`Context::send`].
    ///
    /// ```
    /// use gen_core::actor::ActorScheduler;
    /// use gen_core::prelude::*;
    ///
    /// #[generator]
    /// fn sink() -> impl Generator<char, Yield = (), Return = ()> {
    ///     loop {
    ///         r#yield!(());
    ///     }
    /// }
    ///
    /// let mut sched = ActorScheduler::new();
    /// let addr = sched.spawn("sink", sink()).unwrap();
    /// sched.send("sink", 'a');
    /// sched.send(addr, 'b');
    /// assert_eq!(sched.pending(), 2);
    /// ```
    #[inline]
    pub fn send<'a>(&self, to: impl Into<Recipient<'a>>, message: M) {
        self.shared.borrow_mut().send(to.into(), message);
    }

    /// Keeps a clone of each message while it is delivered, so a [`Failure`] can hold the
    /// message that made its actor panic. Costs one clone per delivery.
    ///
    /// See [`Failure`] for an example.
    pub fn capture_failed_messages(&mut self)
    where
        M: Clone,
    {
        self.capture = Some(M::clone);
    }

    /// Delivers messages, oldest first, until none is pending, and returns what this run did.
    /// Messages actors send while it runs are delivered in the same run; the loop is flat, so
    /// a chain of any length needs no stack.
    ///
    /// See [`ActorScheduler`] for an example.
    pub fn run(&mut self) -> Stats {
        let before = self.stats();
        let mut max_pending = 0;
        // Popping from the batch needs no `RefCell` check. It stays in `self`, so even a panic
        // that escapes (from an allocation, say) loses no message.
        loop {
            while let Some((addr, message)) = self.batch.pop_front() {
                self.deliver(addr, message);
            }
            if !self.take_batch() {
                break;
            }
            max_pending = max_pending.max(self.batch.len());
        }
        self.stats.max_pending = self.stats.max_pending.max(max_pending);
        let after = self.stats();
        Stats {
            delivered: after.delivered - before.delivered,
            dead_letters: after.dead_letters - before.dead_letters,
            failed: after.failed - before.failed,
            finished: after.finished - before.finished,
            max_pending,
        }
    }

    /// Moves every queued message into the (empty) `batch`, swapping buffers so neither is
    /// reallocated. FIFO holds because a batch is delivered entirely before the next is taken:
    /// everything in it was sent before anything still queued.
    #[inline]
    fn take_batch(&mut self) -> bool {
        debug_assert!(self.batch.is_empty());
        let mut shared = self.shared.borrow_mut();
        if shared.queue.is_empty() {
            return false;
        }
        core::mem::swap(&mut self.batch, &mut shared.queue);
        true
    }

    /// Delivers the oldest pending message, if any; returns whether there was one.
    ///
    /// ```
    /// use gen_core::actor::ActorScheduler;
    /// use gen_core::prelude::*;
    ///
    /// #[generator]
    /// fn sink() -> impl Generator<u8, Yield = (), Return = ()> {
    ///     loop {
    ///         r#yield!(());
    ///     }
    /// }
    ///
    /// let mut sched = ActorScheduler::new();
    /// sched.spawn("sink", sink()).unwrap();
    /// sched.send("sink", 1);
    /// assert!(sched.step());
    /// assert!(!sched.step());
    /// ```
    pub fn step(&mut self) -> bool {
        if self.batch.is_empty() {
            if !self.take_batch() {
                return false;
            }
            self.stats.max_pending = self.stats.max_pending.max(self.batch.len());
        }
        match self.batch.pop_front() {
            Some((addr, message)) => {
                self.deliver(addr, message);
                true
            }
            None => false,
        }
    }

    /// One delivery. No borrow of `shared` is held while the actor runs: it sends through it.
    #[inline]
    fn deliver(&mut self, addr: Addr, message: M) {
        let Some(slot) = self.actors.get_mut(addr.index()) else {
            return self.dead_letter(addr, message, DeadLetterReason::Unknown);
        };
        let actor = match &mut slot.state {
            SlotState::Running(actor) => actor,
            SlotState::Finished => {
                return self.dead_letter(addr, message, DeadLetterReason::Finished);
            }
            SlotState::Failed => return self.dead_letter(addr, message, DeadLetterReason::Failed),
        };
        self.stats.delivered += 1;
        let mut copy = None;
        let step = match self.capture {
            // Two calls, so the common path moves nothing but the message into the closure.
            // One step per delivery: see `Generator::__resume_out_of_line`.
            None => catch_unwind(AssertUnwindSafe(|| actor.__resume_out_of_line(message))),
            // The clone runs under `catch_unwind` too: a panicking `Clone` fails this actor only.
            Some(clone) => catch_unwind(AssertUnwindSafe(|| {
                copy = Some(clone(&message));
                actor.__resume_out_of_line(message)
            })),
        };
        match step {
            Ok(GeneratorState::Yielded(())) => {}
            Ok(GeneratorState::Complete(())) => self.finish(addr),
            Err(payload) => {
                self.fail(addr, &*payload, copy);
                // A payload's destructor may panic too.
                drop_isolated(payload);
            }
        }
    }

    #[cold]
    fn finish(&mut self, addr: Addr) {
        self.stats.finished += 1;
        if let SlotState::Running(actor) = self.retire(addr, SlotState::Finished) {
            drop_isolated(actor);
        }
    }

    #[cold]
    fn fail(&mut self, addr: Addr, payload: &(dyn core::any::Any + Send), message: Option<M>) {
        let name = Rc::clone(&self.actors[addr.index()].name);
        self.record_failure(&name, addr, payload, false, message);
        if let SlotState::Running(actor) = self.retire(addr, SlotState::Failed) {
            drop_isolated(actor);
        }
    }

    /// Marks the slot ended and frees the name (if it still points here), returning the old state.
    fn retire(&mut self, addr: Addr, end: SlotState<M>) -> SlotState<M> {
        let slot = &mut self.actors[addr.index()];
        let mut shared = self.shared.borrow_mut();
        if shared.names.get(&slot.name) == Some(&addr) {
            shared.names.remove(&slot.name);
        }
        core::mem::replace(&mut slot.state, end)
    }

    fn record_failure(
        &mut self,
        name: &Rc<str>,
        addr: Addr,
        payload: &(dyn core::any::Any + Send),
        at_start: bool,
        message: Option<M>,
    ) {
        self.stats.failed += 1;
        self.failures.push(Failure {
            actor: Rc::clone(name),
            addr,
            panic: panic_text(payload),
            at_start,
            message,
        });
    }

    #[cold]
    fn dead_letter(&mut self, addr: Addr, message: M, reason: DeadLetterReason) {
        let recipient = match self.slot(addr) {
            Some(slot) => Rc::clone(&slot.name),
            None => Rc::from(addr.to_string()),
        };
        self.shared.borrow_mut().dead_letter(DeadLetter {
            recipient,
            addr: Some(addr),
            reason,
            message,
        });
    }

    /// Totals since the scheduler was created (`max_pending` is the peak over all runs).
    ///
    /// ```
    /// use gen_core::actor::ActorScheduler;
    ///
    /// let sched = ActorScheduler::<u8>::new();
    /// sched.send("nobody", 0);
    /// assert_eq!(sched.stats().dead_letters, 1);
    /// ```
    pub fn stats(&self) -> Stats {
        Stats {
            dead_letters: self.shared.borrow().dead_letter_count,
            ..self.stats
        }
    }

    /// Removes and returns the dead letters recorded so far, oldest first.
    ///
    /// See [`DeadLetter`] for an example.
    pub fn take_dead_letters(&self) -> Vec<DeadLetter<M>> {
        core::mem::take(&mut self.shared.borrow_mut().dead_letters)
    }

    /// Removes and returns the failures recorded so far, oldest first.
    ///
    /// See [`Failure`] for an example.
    pub fn take_failures(&mut self) -> Vec<Failure<M>> {
        core::mem::take(&mut self.failures)
    }

    /// The address of the running actor with this name.
    ///
    /// See [`Addr`] for an example.
    pub fn addr(&self, name: &str) -> Option<Addr> {
        self.shared.borrow().names.get(name).copied()
    }

    /// The name the actor at `addr` was registered with (also after it ended).
    ///
    /// See [`Addr`] for an example.
    pub fn name(&self, addr: Addr) -> Option<&str> {
        self.slot(addr).map(|slot| &*slot.name)
    }

    /// Whether the actor (by address or name) is registered and has neither returned nor
    /// panicked.
    ///
    /// See [`spawn_with`](Self::spawn_with) for an example.
    pub fn is_running<'a>(&self, actor: impl Into<Recipient<'a>>) -> bool {
        let addr = match actor.into() {
            Recipient::Addr(addr) => addr,
            Recipient::Name(name) => match self.addr(name) {
                Some(addr) => addr,
                None => return false,
            },
        };
        matches!(
            self.slot(addr),
            Some(Slot {
                state: SlotState::Running(_),
                ..
            })
        )
    }

    /// The actor at `addr`, if this scheduler issued it.
    fn slot(&self, addr: Addr) -> Option<&Slot<M>> {
        if addr.scheduler != self.shared.borrow().id {
            return None;
        }
        self.actors.get(addr.index())
    }

    /// The number of running actors.
    ///
    /// ```
    /// use gen_core::actor::ActorScheduler;
    ///
    /// assert_eq!(ActorScheduler::<u8>::new().running(), 0);
    /// ```
    pub fn running(&self) -> usize {
        self.shared.borrow().names.len()
    }

    /// The number of messages waiting to be delivered.
    ///
    /// See [`send`](Self::send) for an example.
    pub fn pending(&self) -> usize {
        self.batch.len() + self.shared.borrow().queue.len()
    }
}

/// Drops an ended actor; a panic in its destructor must not escape into the scheduler either.
fn drop_isolated<T>(value: T) {
    let _ = catch_unwind(AssertUnwindSafe(move || drop(value)));
}

impl<M> fmt::Debug for ActorScheduler<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct("ActorScheduler");
        let running: Vec<&str> = self
            .actors
            .iter()
            .filter(|slot| matches!(slot.state, SlotState::Running(_)))
            .map(|slot| &*slot.name)
            .collect();
        d.field("running", &running);
        if let Ok(shared) = self.shared.try_borrow() {
            d.field("pending", &(self.batch.len() + shared.queue.len()));
        }
        d.field("failures", &self.failures.len());
        d.field("stats", &self.stats);
        d.finish_non_exhaustive()
    }
}
