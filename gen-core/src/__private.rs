//! What the code `#[generator]` expands to calls. Not public API: no stability guarantees.

use core::cell::Cell;
use core::convert::Infallible;
use core::fmt;
use core::marker::PhantomData;
use std::collections::VecDeque;

use crate::delegation::broken_chain;

pub use crate::adapters::{FromIter, Iter, from_iter};
pub use crate::delegation::{
    Delegate, Delegating, DelegatingStep, Entry, Leaf, Slots, StateRef, Stepped, WrongState,
    delegating,
};
pub use crate::{Generator, GeneratorState};
pub use core::iter::{IntoIterator, Iterator};
pub use core::mem::replace;
pub use core::ops::ControlFlow;
pub use core::option::Option::{self, None, Some};
pub use core::result::Result::{Err, Ok};

/// The state enum of a generated generator, as the step wrapper needs it.
pub trait StateMachine: Sized {
    /// The state after completion.
    const DONE: Self;
    /// The state after a panic in the body.
    const POISONED: Self;
    /// Makes the state [`DONE`](Self::DONE), dropping what it held. By default it assigns the
    /// constant, which rustc copies byte for byte: all `size_of::<Self>()` bytes. For a
    /// generator that delegates, whose state holds its whole chain below, and which a chain
    /// ends once per level, the macro assigns the variant instead, which stores the tag alone
    /// (see `mark_done`).
    #[inline(always)]
    fn set_done(&mut self) {
        *self = Self::DONE;
    }
    /// Makes the state [`POISONED`](Self::POISONED), as [`set_done`](Self::set_done) does.
    #[inline(always)]
    fn set_poisoned(&mut self) {
        *self = Self::POISONED;
    }
    /// Whether some resume arm can complete while it keeps values in the state (an in-place
    /// loop with a `return` or `?` inside): then the state becomes `DONE` after the step, when
    /// the step's own locals have dropped, so what the state holds drops last, as Rust's outer
    /// bindings do. Otherwise each arm marks it `DONE` as it completes ([`complete`]), and the
    /// step has nothing to check.
    const DONE_AFTER_STEP: bool;
    /// Whether the step must run under [`Generated`]'s unwind guard, which poisons the state
    /// on a panic: a step with an in-place arm, which updates the stored values where they
    /// are. (A generator that delegates says so too; [`Delegating`] always guards.) Any other
    /// step runs its body through [`poison_on_panic`], which needs the guard only when the
    /// state has drop glue or is large.
    const GUARDED: bool;
}

/// Runs the body of a step that is not [`StateMachine::GUARDED`] so that a panic leaves the
/// state poisoned, including a panic in a destructor of the body's locals as the step returns,
/// after the body has stored its next state.
///
/// A small state without drop glue is taken out of `state` (which is `POISONED` meanwhile) and
/// put back once the body's locals have dropped: no landing pad at all, where the guard costs
/// one in every generator's step, which is most of LLVM's work on a crate of small generators.
/// A state with drop glue would need a landing pad to drop the copy on a panic anyway, and a
/// large one would cost two more moves per resume: they stay in place, under the guard that
/// [`Generated`] puts around such a step.
#[inline(always)]
pub fn poison_on_panic<S: StateMachine, O>(state: &mut S, body: impl FnOnce(&mut S) -> O) -> O {
    if Guard::<S>::ON {
        return body(state);
    }
    // No drop glue here (the guard takes the other states): `ManuallyDrop` only spares the
    // landing pad that rustc would otherwise build to drop the copy on a panic. A completed
    // generator stays `DONE` meanwhile: its body only panics ("resumed after completion"),
    // and a later resume must say so again. (Where the step is inlined into a loop, this
    // store is dead: the copy is written back over it.)
    let placeholder = if same_variant(state, &S::DONE) {
        S::DONE
    } else {
        S::POISONED
    };
    let mut moved = core::mem::ManuallyDrop::new(core::mem::replace(state, placeholder));
    let out = body(&mut moved);
    *state = core::mem::ManuallyDrop::into_inner(moved);
    out
}

/// Whether a step of `S` runs under [`Generated`]'s unwind guard: see [`poison_on_panic`].
/// The guard sits around the call of the step, not in the body, where its landing pad would
/// cost the body registers (measured: 2 cycles in 24 per actor message). A large state keeps
/// the guard too: the copy out and back is two more moves of the whole state per resume,
/// where a small copy lives in registers (`benches/examples/moved_state.rs`, a step that is
/// not in place, ns per item, guard -> copy: 40-byte state 8.5 -> 6.5, 56-byte 7.7 -> 6.9;
/// a 280-byte state on a copy went 12 -> 20). A constant, so that rustc leaves the branch not
/// taken out of the code it hands LLVM.
struct Guard<S>(PhantomData<S>);

impl<S: StateMachine> Guard<S> {
    const ON: bool =
        S::GUARDED || core::mem::needs_drop::<S>() || core::mem::size_of::<S>() > MOVED_STATE_MAX;
}

/// The largest state treated as small, one LLVM may keep in registers: [`poison_on_panic`]
/// takes it out of place, and [`mark_done`] overwrites all of it. Eight words.
const MOVED_STATE_MAX: usize = 64;

/// Makes the state `DONE`. A small state is assigned the whole constant: every byte is
/// overwritten, so where LLVM keeps the state in registers inside a driving loop, it knows
/// that no old value is read again (storing the tag alone gave `running_total`'s loop twice
/// the instructions). A large one has its tag stored alone
/// ([`set_done`](StateMachine::set_done)): assigning the constant is a `memcpy` of all of it.
#[inline(always)]
pub(crate) fn mark_done<S: StateMachine>(state: &mut S) {
    if core::mem::size_of::<S>() <= MOVED_STATE_MAX {
        *state = S::DONE;
    } else {
        state.set_done();
    }
}

/// Completes the generator with `value`.
#[inline(always)]
pub fn complete<S: StateMachine, Y, T>(state: &mut S, value: T) -> GeneratorState<Y, T> {
    if !S::DONE_AFTER_STEP {
        // The state is the `POISONED` placeholder here: nothing is dropped.
        mark_done(state);
    }
    GeneratorState::Complete(value)
}

/// [`complete`], for a step closure that returns [`Stepped`] from its body ([`Delegating`],
/// and a guarded [`ErasedGenerated`]). The macro calls either as `__complete`, which its
/// expansion imports.
#[inline(always)]
pub fn complete_stepped<S: StateMachine, Y, T>(state: &mut S, value: T) -> Stepped<S, Y, T> {
    Stepped::new(complete(state, value))
}

/// Yields `value`, for a step closure that returns [`Stepped`] from its body (see
/// [`complete_stepped`]). The macro calls it, or [`yielded_plain`], as `__yield`.
#[inline(always)]
pub fn yielded<S, Y, T>(state: &mut S, value: Y) -> Stepped<S, Y, T> {
    Stepped::new(yielded_plain(state, value))
}

/// Yields `value`, for a step body that returns a [`GeneratorState`] (an [`ErasedGenerated`]
/// whose body runs in [`poison_on_panic`]'s closure).
#[inline(always)]
pub fn yielded_plain<S, Y, T>(state: &mut S, value: Y) -> GeneratorState<Y, T> {
    let _ = state;
    GeneratorState::Yielded(value)
}

/// The generator a `#[generator]` function returns: its state enum and the closure that
/// advances it. The closure captures nothing, so the size is the state's.
#[derive(Clone)]
pub struct Generated<S, F> {
    state: S,
    step: F,
}

/// Pairs the initial state with the step function. `None` starts, `Some(r)` resumes.
#[inline]
pub fn generated<S, F, R, Y, T>(state: S, step: F) -> Generated<S, F>
where
    S: StateMachine,
    F: FnMut(&mut S, Option<R>) -> GeneratorState<Y, T>,
{
    Generated { state, step }
}

/// One step of a generator that does not delegate ([`Generated`], [`ErasedGenerated`]), as a
/// macro: a helper function would take the call as a closure, and one more closure per
/// generator made the 500 small generators of `benches/compile_time.sh` cost rustc 3% more.
/// The state is `DONE` after completion (see [`StateMachine::DONE_AFTER_STEP`]); it is
/// `POISONED` if the body panics.
///
/// A guarded step (see [`Guard`]) either rejects an ended generator before it starts
/// (`OUT_OF_LINE`, see [`reject_ended`]) or lets the step's own arm for ended states panic,
/// under a guard that leaves a completed generator completed ([`PoisonOnUnwindUnlessDone`]).
/// The check before the step costs a step inlined into a driving loop its tag: where the
/// state's tag sits in the niche of a field (a `String`, a `Vec`), LLVM then decodes and tests
/// it on every item (measured, a counter that keeps a `String`: 20 instructions and 2.6
/// cycles per item against 6 and 1.0).
macro_rules! step_generated {
    ($S:ty, $out_of_line:expr, $state:expr, |$s:ident| $call:expr) => {{
        let step = if Guard::<$S>::ON && $out_of_line {
            reject_ended(&$state);
            let guard = PoisonOnUnwind(&mut $state);
            let step = {
                let $s = &mut *guard.0;
                $call
            };
            core::mem::forget(guard);
            step
        } else if Guard::<$S>::ON {
            let guard = PoisonOnUnwindUnlessDone::new(&mut $state);
            let step = {
                let $s = &mut *guard.state;
                $call
            };
            core::mem::forget(guard);
            step
        } else {
            let $s = &mut $state;
            $call
        };
        if <$S as StateMachine>::DONE_AFTER_STEP && step.is_complete() {
            mark_done(&mut $state);
        }
        step
    }};
}

impl<S: StateMachine, F> Generated<S, F> {
    /// Runs one step: see [`step_generated`].
    #[inline(always)]
    fn step<const OUT_OF_LINE: bool, R, Y, T>(&mut self, arg: Option<R>) -> GeneratorState<Y, T>
    where
        F: FnMut(&mut S, Option<R>) -> GeneratorState<Y, T>,
    {
        step_generated!(S, OUT_OF_LINE, self.state, |state| (self.step)(state, arg))
    }
}

/// [`Generated`], for a generic function: its step closure takes the state untyped
/// ([`StateRef`]) and names the state's type once, in its return type ([`Stepped`]). A
/// generic adapter holds the generator it wraps in its state; with the state named twice in
/// its type (a field and the closure's parameter, as `Generated` does), a stack of `d`
/// adapters would build in time exponential in `d` (16 took 86 s), as [`Delegating`]
/// explains. Not used for every generator: the step trait and the erased state cost rustc
/// about 12% more on a crate of small generators.
pub struct ErasedGenerated<F: ErasedStep<R>, R> {
    state: F::State,
    step: F,
}

/// The step closure of an [`ErasedGenerated`], seen through its return type.
pub trait ErasedStep<R> {
    /// The state enum.
    type State: StateMachine;
    /// What the generator yields.
    type Yield;
    /// What it returns.
    type Return;
    /// Runs the step.
    fn step(
        &mut self,
        state: &mut Self::State,
        arg: Option<R>,
    ) -> GeneratorState<Self::Yield, Self::Return>;
}

impl<F, S, R, Y, T> ErasedStep<R> for F
where
    F: for<'a> FnMut(StateRef<'a>, Option<R>) -> Stepped<S, Y, T>,
    S: StateMachine,
{
    type State = S;
    type Yield = Y;
    type Return = T;

    #[inline(always)]
    fn step(&mut self, state: &mut S, arg: Option<R>) -> GeneratorState<Y, T> {
        self(StateRef::new(state), arg).into_inner()
    }
}

/// Pairs the initial state with the step function, for a generic function.
#[inline]
pub fn generated_erased<S, F, R, Y, T>(state: S, step: F) -> ErasedGenerated<F, R>
where
    S: StateMachine,
    F: for<'a> FnMut(StateRef<'a>, Option<R>) -> Stepped<S, Y, T>,
{
    ErasedGenerated { state, step }
}

// By hand: a derive would ask `R` to be `Clone`.
impl<F: ErasedStep<R> + Clone, R> Clone for ErasedGenerated<F, R>
where
    F::State: Clone,
{
    fn clone(&self) -> Self {
        ErasedGenerated {
            state: self.state.clone(),
            step: self.step.clone(),
        }
    }
}

impl<F, R, S, Y, T> ErasedGenerated<F, R>
where
    F: ErasedStep<R, State = S, Yield = Y, Return = T>,
    S: StateMachine,
{
    /// Runs one step: see [`step_generated`].
    #[inline(always)]
    fn step<const OUT_OF_LINE: bool>(&mut self, arg: Option<R>) -> GeneratorState<Y, T> {
        let step = &mut self.step;
        step_generated!(S, OUT_OF_LINE, self.state, |state| step.step(state, arg))
    }
}

impl<F, R, S, Y, T> Generator<R> for ErasedGenerated<F, R>
where
    F: ErasedStep<R, State = S, Yield = Y, Return = T>,
    S: StateMachine,
{
    type Yield = Y;
    type Return = T;

    #[inline]
    fn start(&mut self) -> GeneratorState<Y, T> {
        self.step::<false>(None)
    }

    #[inline]
    fn resume(&mut self, arg: R) -> GeneratorState<Y, T> {
        self.step::<false>(Some(arg))
    }

    #[inline]
    fn __resume_out_of_line(&mut self, arg: R) -> GeneratorState<Y, T> {
        self.step::<true>(Some(arg))
    }
}

impl<F: ErasedStep<R>, R> fmt::Debug for ErasedGenerated<F, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Generator { .. }")
    }
}

/// Panics if the generator has completed or panicked, before a guarded step starts: under
/// the unwind guard, that panic would poison a completed generator (a second resume then said
/// "after it panicked"). The step's own arm for those states is then dead code, so an in-place
/// step whose body cannot panic has no landing pad at all, nor the saved register that the
/// guard's needs (measured: 64 -> 61 instructions and 10.3 -> 9.3 cycles per switch of the
/// scheduler's countdown task). For a step called out of line, once per call: the
/// schedulers' (`Generator::__resume_out_of_line`); inlined into a loop, it costs the loop
/// (see [`Generated`]'s `step`). A step without the guard gets the same message from the
/// placeholder [`poison_on_panic`] leaves, with no check: checking there too made the 500
/// small generators of `benches/compile_time.sh` 18% more code.
#[inline(always)]
pub(crate) fn reject_ended<S: StateMachine>(state: &S) {
    let done = same_variant(state, &S::DONE);
    if done || same_variant(state, &S::POISONED) {
        resumed_after_end(done);
    }
}

/// Whether `state` is in the variant of `other` (a fieldless one: `DONE`, `POISONED`).
#[inline(always)]
fn same_variant<S>(state: &S, other: &S) -> bool {
    core::mem::discriminant(state) == core::mem::discriminant(other)
}

/// Marks the state poisoned if the step unwinds (a step that returns forgets the guard).
pub(crate) struct PoisonOnUnwind<'a, S: StateMachine>(pub(crate) &'a mut S);

impl<S: StateMachine> Drop for PoisonOnUnwind<'_, S> {
    fn drop(&mut self) {
        self.0.set_poisoned();
    }
}

/// Marks the state poisoned if the step unwinds, unless the generator had completed before
/// the step: then the step's arm for ended states panicked ("resumed after completion"), and
/// the generator stays completed, so that every later resume says so again. Whether it had
/// completed is read as the step starts and used only if it unwinds: where the step cannot
/// unwind, LLVM drops it.
struct PoisonOnUnwindUnlessDone<'a, S: StateMachine> {
    state: &'a mut S,
    done_before: bool,
}

impl<'a, S: StateMachine> PoisonOnUnwindUnlessDone<'a, S> {
    #[inline(always)]
    fn new(state: &'a mut S) -> Self {
        let done_before = same_variant(state, &S::DONE);
        PoisonOnUnwindUnlessDone { state, done_before }
    }
}

impl<S: StateMachine> Drop for PoisonOnUnwindUnlessDone<'_, S> {
    // Inlined into the step's landing pad, the guard lives in registers rather than in a stack
    // slot that holds the state's address: 3 instructions per item of `owned`, and with the
    // state's explicit tag, what lets LLVM keep that tag out of memory across the driver's
    // calls (BENCHMARKS.md, item 4 of "What the slow cells did").
    #[inline(always)]
    fn drop(&mut self) {
        if !self.done_before {
            self.state.set_poisoned();
        }
    }
}

impl<S, F, R, Y, T> Generator<R> for Generated<S, F>
where
    S: StateMachine,
    F: FnMut(&mut S, Option<R>) -> GeneratorState<Y, T>,
{
    type Yield = Y;
    type Return = T;

    #[inline]
    fn start(&mut self) -> GeneratorState<Y, T> {
        self.step::<false, _, _, _>(None)
    }

    #[inline]
    fn resume(&mut self, arg: R) -> GeneratorState<Y, T> {
        self.step::<false, _, _, _>(Some(arg))
    }

    #[inline]
    fn __resume_out_of_line(&mut self, arg: R) -> GeneratorState<Y, T> {
        self.step::<true, _, _, _>(Some(arg))
    }
}

impl<S, F> fmt::Debug for Generated<S, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Generator { .. }")
    }
}

/// The `impl Iterator` form of `#[generator]`.
#[inline]
pub fn into_iter<G: Generator<(), Return = ()>>(generator: G) -> Iter<G> {
    Iter::new(generator)
}

/// What a step closure is called with: `Option<R>` (`None` starts, `Some(r)` resumes), or an
/// [`Entry`] for a generator that delegates.
pub trait StepArg {
    /// The resume type.
    type Value;
    /// As an [`Entry`].
    fn entry(self) -> Entry<Self::Value>;
}

impl<R> StepArg for Option<R> {
    type Value = R;
    #[inline(always)]
    fn entry(self) -> Entry<R> {
        match self {
            Some(value) => Entry::Resume(value),
            None => Entry::Start,
        }
    }
}

impl<R> StepArg for Entry<R> {
    type Value = R;
    #[inline(always)]
    fn entry(self) -> Entry<R> {
        self
    }
}

/// The first step's argument: `start()` passes none; `resume(r)` may start a generator only
/// when `r` carries no data (a zero-sized type such as `()`), so no sent value is ever lost.
#[inline(always)]
pub fn start_arg<A: StepArg>(arg: A) {
    match arg.entry() {
        Entry::Start => {}
        Entry::Resume(value) => {
            if size_of::<A::Value>() != 0 {
                not_started();
            }
            drop(value);
        }
        Entry::Continue => broken_chain(),
    }
}

/// A later step's argument: only `resume` may continue a started generator.
#[inline(always)]
pub fn resume_arg<A: StepArg>(arg: A) -> A::Value {
    match arg.entry() {
        Entry::Resume(value) => value,
        Entry::Start => already_started(),
        Entry::Continue => broken_chain(),
    }
}

#[cold]
#[inline(never)]
fn not_started() -> ! {
    panic!(
        "generator resumed with a value before it started: call `start()` first \
         (a resume value answers a `yield`, and a fresh generator has not yielded yet)"
    )
}

#[cold]
#[inline(never)]
pub(crate) fn already_started() -> ! {
    panic!("`start()` called on a generator that has already started: use `resume` to continue it")
}

/// A step on a generator that has completed (`done`) or whose body panicked during an earlier
/// step. One function for both, so that the two states share one match arm: a small state
/// machine's dispatch is then a compare or two rather than a jump table.
#[cold]
#[inline(never)]
pub fn resumed_after_end(done: bool) -> ! {
    if done {
        panic!("generator resumed after completion")
    }
    panic!("generator resumed after it panicked")
}

/// `?` in a generator body, without the unstable `Try` trait: `branch` splits the operand into
/// the value to continue with and the residual that completes the generator.
pub trait Branch {
    /// The value `?` evaluates to.
    type Output;
    /// What an early exit carries to [`FromResidual`].
    type Residual;
    /// Continue with the value or stop with the residual.
    fn branch(self) -> ControlFlow<Self::Residual, Self::Output>;
}

impl<T, E> Branch for Result<T, E> {
    type Output = T;
    type Residual = Result<Infallible, E>;

    #[inline]
    fn branch(self) -> ControlFlow<Result<Infallible, E>, T> {
        match self {
            Ok(value) => ControlFlow::Continue(value),
            Err(error) => ControlFlow::Break(Err(error)),
        }
    }
}

impl<T> Branch for Option<T> {
    type Output = T;
    type Residual = Option<Infallible>;

    #[inline]
    fn branch(self) -> ControlFlow<Option<Infallible>, T> {
        match self {
            Some(value) => ControlFlow::Continue(value),
            None => ControlFlow::Break(None),
        }
    }
}

/// Builds the generator's return value from the residual of a failed `?`.
#[diagnostic::on_unimplemented(
    message = "the `?` operator in a generator needs a `Return` type that accepts this error",
    label = "this `?` cannot complete a generator whose `Return` type is `{Self}`",
    note = "use `?` on a `Result` in a generator whose `Return` is a `Result` (with a `From` conversion for the error), or on an `Option` when `Return` is an `Option`"
)]
pub trait FromResidual<R> {
    /// The return value for an early exit.
    fn from_residual(residual: R) -> Self;
}

impl<T, E, F: From<E>> FromResidual<Result<Infallible, E>> for Result<T, F> {
    #[inline]
    fn from_residual(residual: Result<Infallible, E>) -> Self {
        match residual {
            Err(error) => Err(From::from(error)),
        }
    }
}

impl<T> FromResidual<Option<Infallible>> for Option<T> {
    #[inline]
    fn from_residual(_: Option<Infallible>) -> Self {
        None
    }
}

/// The operand of `yield_from!`, before it is known to be a generator or an iterable.
///
/// Method resolution picks the delegate (autoref specialization): a `Generator<R>` is used as
/// it is, anything else `IntoIterator` becomes a [`FromIter`], and anything else reaches
/// [`NotYieldFromOperand`], whose bound explains the error.
pub struct Operand<T, R> {
    value: Cell<Option<T>>,
    resume: PhantomData<fn(R)>,
}

impl<T, R> Operand<T, R> {
    /// Wraps the operand.
    #[inline]
    pub fn new(value: T) -> Self {
        Operand {
            value: Cell::new(Some(value)),
            resume: PhantomData,
        }
    }

    #[inline]
    fn take(&self) -> T {
        match self.value.take() {
            Some(value) => value,
            None => unreachable!("a yield_from! operand is taken once"),
        }
    }
}

/// Delegation to a generator.
pub trait ViaGenerator {
    /// The generator delegated to.
    type Delegate;
    /// Takes the operand.
    fn yield_from_delegate(self) -> Self::Delegate;
}

impl<G: Generator<R>, R> ViaGenerator for &&Operand<G, R> {
    type Delegate = G;

    #[inline]
    fn yield_from_delegate(self) -> G {
        self.take()
    }
}

/// Delegation to an iterable.
pub trait ViaIterator {
    /// The generator delegated to.
    type Delegate;
    /// Takes the operand.
    fn yield_from_delegate(self) -> Self::Delegate;
}

impl<I: IntoIterator, R> ViaIterator for &Operand<I, R> {
    type Delegate = FromIter<I::IntoIter>;

    #[inline]
    fn yield_from_delegate(self) -> FromIter<I::IntoIter> {
        from_iter(self.take())
    }
}

/// Neither a generator nor an iterable: the delegate's `Generator` impl carries the error.
pub trait ViaNeither<T, R> {
    /// Takes the operand.
    fn yield_from_delegate<Y, Z>(self) -> NotDelegable<T, R, Y, Z>;
}

impl<T, R> ViaNeither<T, R> for Operand<T, R> {
    fn yield_from_delegate<Y, Z>(self) -> NotDelegable<T, R, Y, Z> {
        NotDelegable(PhantomData)
    }
}

/// What an operand that is neither a generator nor an iterable turns into: using it as a
/// generator requires [`NotYieldFromOperand`], whose message explains the problem. Its yield
/// and return types are whatever the context needs, so that is the only error.
pub struct NotDelegable<T, R, Y = Infallible, Z = Infallible>(PhantomData<fn(R, T, Y, Z)>);

impl<T: NotYieldFromOperand<R>, R, Y, Z> Generator<R> for NotDelegable<T, R, Y, Z> {
    type Yield = Y;
    type Return = Z;

    fn start(&mut self) -> GeneratorState<Y, Z> {
        unreachable!()
    }

    fn resume(&mut self, _: R) -> GeneratorState<Y, Z> {
        unreachable!()
    }
}

/// Never implemented: the error for a `yield_from!` operand that cannot be delegated to.
#[diagnostic::on_unimplemented(
    message = "`yield_from!` needs a generator resumed with `{R}` or an iterable, but `{Self}` is neither",
    label = "not a `Generator<{R}>` and not `IntoIterator`",
    note = "pass a generator (`yield_from!(inner(..))`) or anything a `for` loop accepts (`yield_from!(0..n)`)"
)]
pub trait NotYieldFromOperand<R> {}

/// The body of a `#[generator]` function that failed to expand: keeps the signature valid so
/// the only errors reported are the macro's own.
pub struct Errored<R, Y, T>(PhantomData<fn(R) -> (Y, T)>);

/// See [`Errored`].
pub fn errored<R, Y, T>() -> Errored<R, Y, T> {
    Errored(PhantomData)
}

impl<R, Y, T> Clone for Errored<R, Y, T> {
    fn clone(&self) -> Self {
        Errored(PhantomData)
    }
}

impl<R, Y, T> Generator<R> for Errored<R, Y, T> {
    type Yield = Y;
    type Return = T;

    fn start(&mut self) -> GeneratorState<Y, T> {
        unreachable!("a generator that failed to compile")
    }

    fn resume(&mut self, _: R) -> GeneratorState<Y, T> {
        unreachable!("a generator that failed to compile")
    }
}

impl<R, Y, T> Iterator for Errored<R, Y, T> {
    type Item = Y;

    fn next(&mut self) -> Option<Y> {
        unreachable!("a generator that failed to compile")
    }
}

/// A `for` loop over a shared borrow of a local (`for x in &v`, `for x in v.iter()`) whose body
/// suspends: an iterator would borrow a value the generator's state also holds, so when the
/// collection is indexable the loop keeps a position instead ([`IndexWalk`]) and borrows the
/// collection only for each step. Other collections keep their iterator ([`IterWalk`]).
pub struct WalkProbe<'a, C: ?Sized>(&'a C);

impl<'a, C: ?Sized> WalkProbe<'a, C> {
    /// Probes `collection`.
    #[inline]
    pub fn new(collection: &'a C) -> Self {
        WalkProbe(collection)
    }
}

/// Walking an indexable collection by position.
pub trait ViaIndex {
    /// Starts the walk; the loop's own iterator is not needed.
    fn walker<I>(self, iterable: I) -> IndexWalk;
}

impl<C: ?Sized + Indexed> ViaIndex for &&WalkProbe<'_, C> {
    #[inline]
    fn walker<I>(self, _: I) -> IndexWalk {
        IndexWalk(0)
    }
}

/// Walking any other collection with the loop's iterator.
pub trait ViaIterable {
    /// Starts the walk.
    fn walker<I: IntoIterator>(self, iterable: I) -> IterWalk<I::IntoIter>;
}

impl<C: ?Sized> ViaIterable for &WalkProbe<'_, C> {
    #[inline]
    fn walker<I: IntoIterator>(self, iterable: I) -> IterWalk<I::IntoIter> {
        IterWalk(iterable.into_iter())
    }
}

/// A position in an indexable collection.
#[derive(Clone, Copy, Debug)]
pub struct IndexWalk(usize);

/// An iterator, for collections that are not indexable.
#[derive(Clone, Debug)]
pub struct IterWalk<I>(I);

/// One step of a walk over `C`, borrowing it for the step only.
pub trait Walk<C: ?Sized> {
    /// What a step yields.
    type Item<'c>
    where
        C: 'c;
    /// The next item.
    fn next_in<'c>(&mut self, collection: &'c C) -> Option<Self::Item<'c>>;
}

impl<C: ?Sized + Indexed> Walk<C> for IndexWalk {
    type Item<'c>
        = &'c C::Elem
    where
        C: 'c;

    #[inline]
    fn next_in<'c>(&mut self, collection: &'c C) -> Option<&'c C::Elem> {
        let item = collection.at(self.0)?;
        self.0 += 1;
        Some(item)
    }
}

impl<C: ?Sized, I: Iterator> Walk<C> for IterWalk<I> {
    type Item<'c>
        = I::Item
    where
        C: 'c;

    #[inline]
    fn next_in(&mut self, _: &C) -> Option<I::Item> {
        self.0.next()
    }
}

/// Collections a position can walk.
pub trait Indexed {
    /// The element type.
    type Elem;
    /// The element at `index`, if any.
    fn at(&self, index: usize) -> Option<&Self::Elem>;
}

impl<T> Indexed for [T] {
    type Elem = T;
    #[inline]
    fn at(&self, index: usize) -> Option<&T> {
        self.get(index)
    }
}

impl<T, const N: usize> Indexed for [T; N] {
    type Elem = T;
    #[inline]
    fn at(&self, index: usize) -> Option<&T> {
        self.get(index)
    }
}

impl<T> Indexed for Vec<T> {
    type Elem = T;
    #[inline]
    fn at(&self, index: usize) -> Option<&T> {
        self.get(index)
    }
}

impl<T> Indexed for VecDeque<T> {
    type Elem = T;
    #[inline]
    fn at(&self, index: usize) -> Option<&T> {
        self.get(index)
    }
}

impl<C: ?Sized + Indexed> Indexed for &C {
    type Elem = C::Elem;
    #[inline]
    fn at(&self, index: usize) -> Option<&C::Elem> {
        (**self).at(index)
    }
}

impl<C: ?Sized + Indexed> Indexed for &mut C {
    type Elem = C::Elem;
    #[inline]
    fn at(&self, index: usize) -> Option<&C::Elem> {
        (**self).at(index)
    }
}

impl<C: ?Sized + Indexed> Indexed for Box<C> {
    type Elem = C::Elem;
    #[inline]
    fn at(&self, index: usize) -> Option<&C::Elem> {
        (**self).at(index)
    }
}
