//! The [`Generator`] trait and the values it produces.

use core::pin::Pin;

use crate::adapters::Iter;

/// What one step of a generator produced: a yielded value, or the final return value.
///
/// This is Python's distinction between a value coming out of `next(g)` and the
/// `StopIteration(value)` that ends a generator, as an enum.
///
/// ```
/// use gen_core::GeneratorState;
///
/// let step: GeneratorState<u32, &str> = GeneratorState::Yielded(7);
/// assert!(step.is_yielded());
/// assert_eq!(step.yielded(), Some(7));
///
/// let done: GeneratorState<u32, &str> = GeneratorState::Complete("bye");
/// assert_eq!(done.map_yielded(|n| n * 2), GeneratorState::Complete("bye"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[must_use = "a generator step holds a yielded value or the return value"]
pub enum GeneratorState<Y, T> {
    /// The generator suspended and produced this value.
    Yielded(Y),
    /// The generator finished and returned this value.
    Complete(T),
}

impl<Y, T> GeneratorState<Y, T> {
    /// `true` for [`GeneratorState::Yielded`].
    ///
    /// ```
    /// # use gen_core::GeneratorState;
    /// assert!(GeneratorState::<u8, ()>::Yielded(1).is_yielded());
    /// ```
    pub fn is_yielded(&self) -> bool {
        matches!(self, GeneratorState::Yielded(_))
    }

    /// `true` for [`GeneratorState::Complete`].
    ///
    /// ```
    /// # use gen_core::GeneratorState;
    /// assert!(GeneratorState::<u8, ()>::Complete(()).is_complete());
    /// ```
    pub fn is_complete(&self) -> bool {
        matches!(self, GeneratorState::Complete(_))
    }

    /// The yielded value, if this step yielded.
    ///
    /// ```
    /// # use gen_core::GeneratorState;
    /// assert_eq!(GeneratorState::<u8, ()>::Yielded(1).yielded(), Some(1));
    /// assert_eq!(GeneratorState::<u8, ()>::Complete(()).yielded(), None);
    /// ```
    pub fn yielded(self) -> Option<Y> {
        match self {
            GeneratorState::Yielded(y) => Some(y),
            GeneratorState::Complete(_) => None,
        }
    }

    /// The return value, if this step completed the generator.
    ///
    /// ```
    /// # use gen_core::GeneratorState;
    /// assert_eq!(GeneratorState::<u8, &str>::Complete("done").complete(), Some("done"));
    /// ```
    pub fn complete(self) -> Option<T> {
        match self {
            GeneratorState::Yielded(_) => None,
            GeneratorState::Complete(t) => Some(t),
        }
    }

    /// Borrows the contents.
    ///
    /// ```
    /// # use gen_core::GeneratorState;
    /// let s = GeneratorState::<String, ()>::Yielded("hi".into());
    /// assert_eq!(s.as_ref(), GeneratorState::Yielded(&"hi".to_string()));
    /// ```
    pub fn as_ref(&self) -> GeneratorState<&Y, &T> {
        match self {
            GeneratorState::Yielded(y) => GeneratorState::Yielded(y),
            GeneratorState::Complete(t) => GeneratorState::Complete(t),
        }
    }

    /// Maps a yielded value, leaving a return value as it is.
    ///
    /// ```
    /// # use gen_core::GeneratorState;
    /// let s = GeneratorState::<u8, ()>::Yielded(2).map_yielded(|n| n + 1);
    /// assert_eq!(s, GeneratorState::Yielded(3));
    /// ```
    pub fn map_yielded<Z>(self, f: impl FnOnce(Y) -> Z) -> GeneratorState<Z, T> {
        match self {
            GeneratorState::Yielded(y) => GeneratorState::Yielded(f(y)),
            GeneratorState::Complete(t) => GeneratorState::Complete(t),
        }
    }

    /// Maps a return value, leaving a yielded value as it is.
    ///
    /// ```
    /// # use gen_core::GeneratorState;
    /// let s = GeneratorState::<(), u8>::Complete(2).map_complete(|n| n * 10);
    /// assert_eq!(s, GeneratorState::Complete(20));
    /// ```
    pub fn map_complete<U>(self, f: impl FnOnce(T) -> U) -> GeneratorState<Y, U> {
        match self {
            GeneratorState::Yielded(y) => GeneratorState::Yielded(y),
            GeneratorState::Complete(t) => GeneratorState::Complete(f(t)),
        }
    }
}

/// A resumable computation: Python's generator, typed.
///
/// A generator runs in steps. [`start`](Generator::start) runs it from the beginning to its
/// first suspension point; each [`resume`](Generator::resume) continues it from where it
/// stopped, handing it a value of type `R` (Python's `send`). Every step ends with the
/// generator either yielding a [`Yield`](Generator::Yield) or completing with its
/// [`Return`](Generator::Return) value.
///
/// # The first resume
///
/// A resume value is the answer to a `yield`: inside the generator, `r#yield!(v)` evaluates to
/// the value of the `resume` that continues it. Before the first step there is no `yield` to
/// answer, so a generator is started by [`start`](Generator::start), which takes no value, and
/// every later step by [`resume`](Generator::resume). This is Python's rule ("the first send must
/// be `None`") made a type-level fact instead of a runtime check, and it is what lets
/// `yield_from!` start an inner generator of any resume type, and a scheduler drive any
/// generator, without inventing a value. For comparison: nightly coroutines bind the first
/// resume value to the closure's parameter (so a delegating coroutine has no value to start its
/// inner one with); genawaiter silently drops it; diapause has a separate `start()`, like us.
///
/// When `R` is a zero-sized type such as `()`, `resume` may also take the first step: such a
/// value carries nothing, so nothing is lost, and plain iteration needs no special first call.
/// Every implementation must accept this (adapters such as [`Iter`] rely on it). The generators
/// `#[generator]` makes panic when resumed with any other value before they have started, and
/// when started twice.
///
/// # Example
///
/// ```
/// use gen_core::prelude::*;
///
/// #[generator]
/// fn running_total() -> impl Generator<u32, Yield = u32, Return = ()> {
///     let mut total = 0;
///     loop {
///         total += r#yield!(total);
///     }
/// }
///
/// let mut g = running_total();
/// assert_eq!(g.start(), GeneratorState::Yielded(0));
/// assert_eq!(g.resume(5), GeneratorState::Yielded(5));
/// assert_eq!(g.send(10), GeneratorState::Yielded(15));
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a generator resumed with `{R}`",
    label = "expected a `Generator<{R}>`",
    note = "`yield_from!` on an iterable requires the generator's resume type to be `()`"
)]
pub trait Generator<R = ()> {
    /// The type of the values the generator yields.
    type Yield;
    /// The type of the value the generator returns when it completes.
    type Return;

    /// Runs the generator from the beginning to its first suspension point (Python's first
    /// `next(g)`).
    ///
    /// Calling `start` on a generator that has already started panics for the generators
    /// `#[generator]` makes; see [the first resume](Generator#the-first-resume).
    fn start(&mut self) -> GeneratorState<Self::Yield, Self::Return>;

    /// Continues the generator from its last suspension point; inside the generator, the
    /// suspended `r#yield!(..)` evaluates to `arg` (Python's `send(arg)`).
    ///
    /// Resuming a generator that has completed, or whose body panicked, panics.
    fn resume(&mut self, arg: R) -> GeneratorState<Self::Yield, Self::Return>;

    /// [`resume`](Generator::resume), for a caller that calls it out of line, once per call
    /// (a scheduler resuming one of its tasks). Not public API: a generator `#[generator]`
    /// makes then checks that it has not ended before its step, which spares a step that is
    /// not inlined into a loop a landing pad; inlined into a loop, the check would cost every
    /// item (see `gen_core::__private::reject_ended`).
    #[doc(hidden)]
    #[inline(always)]
    fn __resume_out_of_line(&mut self, arg: R) -> GeneratorState<Self::Yield, Self::Return> {
        self.resume(arg)
    }

    // Not public API: how a generator `#[generator]` makes takes part in a `yield_from!`
    // chain whose outermost generator resumes the innermost delegate directly (see the
    // `delegation` module). Every other generator is the end of such a chain, which is what
    // the defaults say. Implementations must keep the defaults: the direct resume trusts
    // what these methods report.

    /// [`start`](Generator::start), called by the generator that delegates to this one. A
    /// delegate that delegates sets `relocate` if the chain below it may have changed, instead
    /// of locating its innermost delegate itself: the outermost generator locates once for the
    /// whole chain.
    #[doc(hidden)]
    #[inline(always)]
    fn __start_nested(&mut self, relocate: &mut bool) -> GeneratorState<Self::Yield, Self::Return> {
        let _ = relocate;
        self.start()
    }

    /// [`resume`](Generator::resume), called by the generator that delegates to this one; see
    /// `__start_nested`.
    #[doc(hidden)]
    #[inline(always)]
    fn __resume_nested(
        &mut self,
        arg: R,
        relocate: &mut bool,
    ) -> GeneratorState<Self::Yield, Self::Return> {
        let _ = relocate;
        self.resume(arg)
    }

    /// Continues after the innermost delegate of the chain below completed; see
    /// `__start_nested` for `relocate`.
    #[doc(hidden)]
    #[inline]
    fn __continue(&mut self, relocate: &mut bool) -> GeneratorState<Self::Yield, Self::Return> {
        let _ = relocate;
        crate::delegation::broken_chain()
    }

    /// The innermost running delegate below this generator, if it delegates.
    #[doc(hidden)]
    #[inline]
    fn __leaf(&mut self) -> Option<crate::__private::Leaf<R, Self::Yield>> {
        None
    }

    /// Whether generators of this type can delegate (and so be the middle of a chain).
    #[doc(hidden)]
    #[inline(always)]
    fn __delegates() -> bool
    where
        Self: Sized,
    {
        false
    }
}

impl<R, G: Generator<R> + ?Sized> Generator<R> for &mut G {
    type Yield = G::Yield;
    type Return = G::Return;

    fn start(&mut self) -> GeneratorState<Self::Yield, Self::Return> {
        (**self).start()
    }

    fn resume(&mut self, arg: R) -> GeneratorState<Self::Yield, Self::Return> {
        (**self).resume(arg)
    }

    fn __resume_out_of_line(&mut self, arg: R) -> GeneratorState<Self::Yield, Self::Return> {
        (**self).__resume_out_of_line(arg)
    }
}

impl<R, G: Generator<R> + ?Sized> Generator<R> for Box<G> {
    type Yield = G::Yield;
    type Return = G::Return;

    fn start(&mut self) -> GeneratorState<Self::Yield, Self::Return> {
        (**self).start()
    }

    // A boxed generator is mostly a `dyn Generator`, resumed through its vtable: out of line.
    fn resume(&mut self, arg: R) -> GeneratorState<Self::Yield, Self::Return> {
        (**self).__resume_out_of_line(arg)
    }

    fn __resume_out_of_line(&mut self, arg: R) -> GeneratorState<Self::Yield, Self::Return> {
        (**self).__resume_out_of_line(arg)
    }
}

/// Generators never borrow from themselves, so a pinned one is driven through `&mut`; this
/// requires `G: Unpin`, which every generator `#[generator]` makes is unless it holds a
/// `!Unpin` value.
impl<R, G: Generator<R> + Unpin + ?Sized> Generator<R> for Pin<Box<G>> {
    type Yield = G::Yield;
    type Return = G::Return;

    fn start(&mut self) -> GeneratorState<Self::Yield, Self::Return> {
        Pin::get_mut(self.as_mut()).start()
    }

    fn resume(&mut self, arg: R) -> GeneratorState<Self::Yield, Self::Return> {
        Pin::get_mut(self.as_mut()).__resume_out_of_line(arg)
    }

    fn __resume_out_of_line(&mut self, arg: R) -> GeneratorState<Self::Yield, Self::Return> {
        Pin::get_mut(self.as_mut()).__resume_out_of_line(arg)
    }
}

/// A boxed generator with its types erased, as returned by [`GeneratorExt::boxed`].
pub type BoxGenerator<'a, R, Y, T> = Box<dyn Generator<R, Yield = Y, Return = T> + 'a>;

/// A boxed generator that can move between threads, as returned by
/// [`GeneratorExt::boxed_send`].
pub type BoxSendGenerator<'a, R, Y, T> = Box<dyn Generator<R, Yield = Y, Return = T> + Send + 'a>;

/// Python's vocabulary and the usual adapters, for every [`Generator`].
///
/// In scope through `use gen_core::prelude::*`.
pub trait GeneratorExt<R = ()>: Generator<R> {
    /// Python's `g.send(v)`: the same as [`resume`](Generator::resume).
    ///
    /// ```
    /// use gen_core::prelude::*;
    ///
    /// #[generator]
    /// fn times2() -> impl Generator<i32, Yield = Option<i32>, Return = ()> {
    ///     loop {
    ///         let val = r#yield!(None);
    ///         r#yield!(Some(val * 2));
    ///     }
    /// }
    ///
    /// let mut z = times2();
    /// z.start();
    /// assert_eq!(z.send(1), GeneratorState::Yielded(Some(2)));
    /// ```
    fn send(&mut self, arg: R) -> GeneratorState<Self::Yield, Self::Return> {
        self.resume(arg)
    }

    /// Borrows the generator, so an adapter can drive it without consuming it.
    ///
    /// ```
    /// use gen_core::prelude::*;
    ///
    /// let mut g = gen_core::from_iter(1..=4);
    /// let firsts: Vec<i32> = g.by_ref().iter().take(2).collect();
    /// assert_eq!(firsts, [1, 2]);
    /// assert_eq!(g.advance(), GeneratorState::Yielded(3));
    /// ```
    fn by_ref(&mut self) -> &mut Self
    where
        Self: Sized,
    {
        self
    }

    /// Boxes the generator behind a `dyn Generator`, to name its type, store generators of
    /// different types together, or recurse.
    ///
    /// ```
    /// use gen_core::prelude::*;
    ///
    /// #[generator]
    /// fn countdown(n: u32) -> impl Generator<Yield = u32, Return = ()> {
    ///     if n > 0 {
    ///         r#yield!(n);
    ///         yield_from!(countdown(n - 1).boxed());
    ///     }
    /// }
    ///
    /// assert_eq!(countdown(3).iter().collect::<Vec<_>>(), [3, 2, 1]);
    /// ```
    fn boxed<'a>(self) -> BoxGenerator<'a, R, Self::Yield, Self::Return>
    where
        Self: Sized + 'a,
    {
        Box::new(self)
    }

    /// Like [`boxed`](GeneratorExt::boxed), keeping `Send`.
    ///
    /// ```
    /// use gen_core::prelude::*;
    ///
    /// let g = gen_core::from_iter(0..3).boxed_send();
    /// std::thread::spawn(move || assert_eq!(g.iter().count(), 3)).join().unwrap();
    /// ```
    fn boxed_send<'a>(self) -> BoxSendGenerator<'a, R, Self::Yield, Self::Return>
    where
        Self: Sized + Send + 'a,
    {
        Box::new(self)
    }
}

impl<R, G: Generator<R> + ?Sized> GeneratorExt<R> for G {}

/// Steps for generators resumed with `()`: Python's `next(g)` and `for x in g`.
///
/// In scope through `use gen_core::prelude::*`.
pub trait UnitGeneratorExt: Generator<()> {
    /// Python's `next(g)`: the next step of a generator resumed with `()`, whether or not it
    /// has started.
    ///
    /// ```
    /// use gen_core::prelude::*;
    ///
    /// let mut g = gen_core::from_iter(["a", "b"]);
    /// assert_eq!(g.advance(), GeneratorState::Yielded("a"));
    /// assert_eq!(g.advance(), GeneratorState::Yielded("b"));
    /// assert_eq!(g.advance(), GeneratorState::Complete(()));
    /// ```
    fn advance(&mut self) -> GeneratorState<Self::Yield, Self::Return> {
        self.resume(())
    }

    /// An [`Iterator`] over the yielded values: Python's `for x in g`.
    ///
    /// The return value is not lost: the iterator keeps it, see [`Iter::return_value`].
    ///
    /// ```
    /// use gen_core::prelude::*;
    ///
    /// #[generator]
    /// fn odd_till(number: u32) -> impl Generator<Yield = u32, Return = ()> {
    ///     let mut n = 1;
    ///     while n < number {
    ///         r#yield!(n);
    ///         n += 2;
    ///     }
    /// }
    ///
    /// let mut odds = Vec::new();
    /// for n in odd_till(10).iter() {
    ///     odds.push(n);
    /// }
    /// assert_eq!(odds, [1, 3, 5, 7, 9]);
    /// ```
    fn iter(self) -> Iter<Self>
    where
        Self: Sized,
    {
        Iter::new(self)
    }

    /// Runs the generator to the end, discarding what it yields, and returns its return value
    /// (the seeds' `runner`).
    ///
    /// ```
    /// use gen_core::prelude::*;
    ///
    /// #[generator]
    /// fn async_map(f: fn(i32) -> i32, xs: Vec<i32>) -> impl Generator<Yield = (), Return = Vec<i32>> {
    ///     let mut result = Vec::new();
    ///     for x in xs {
    ///         result.push(f(x));
    ///         r#yield!(());
    ///     }
    ///     result
    /// }
    ///
    /// assert_eq!(async_map(|x| x + 2, vec![0, 1, 2]).run_to_completion(), [2, 3, 4]);
    /// ```
    fn run_to_completion(mut self) -> Self::Return
    where
        Self: Sized,
    {
        loop {
            if let GeneratorState::Complete(value) = self.resume(()) {
                return value;
            }
        }
    }
}

impl<G: Generator<()> + ?Sized> UnitGeneratorExt for G {}
