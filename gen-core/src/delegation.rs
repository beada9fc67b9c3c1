//! Delegation that skips the middle of a `yield_from!` chain.
//!
//! A generator that delegates keeps its delegate inline in its state, and a delegate that
//! delegates keeps its own, so a chain of `d` delegations is `d` generators nested in one
//! value. Resumed level by level, every item pays `d` dispatches. Instead, the outermost
//! generator remembers where the innermost running delegate sits, as a byte offset from its own
//! state, with the monomorphic function that resumes a delegate of that type
//! ([`LeafAt`]). An item then costs one indirect call whatever the depth.
//!
//! The offset stays right while the chain does not change, and only steps through the chain
//! change it. The offset is dropped before every step that goes through the levels (the slow
//! path), and a step in which a delegate started or completed anywhere below sets a flag that
//! the levels share; the outermost generator then locates the innermost delegate again, once
//! for the whole chain (a level that located its own chain would make starting a chain of
//! depth `d` cost `d²`). When the innermost delegate completes, its return value is left in its
//! slot ([`Delegate::Returned`]) and the chain is stepped with [`Entry::Continue`]: each level
//! passes it down to its delegate, and the level whose delegate has returned takes the value
//! and runs on, as if its own resume had returned it. An offset, unlike a pointer, stays right
//! when the generator moves or is cloned.
//!
//! This module holds the crate's only `unsafe` code; `cargo +nightly miri test` runs the
//! delegation tests under Miri.

use core::any::TypeId;
use core::marker::PhantomData;
use core::mem;

use crate::__private::{PoisonOnUnwind, StateMachine};
use crate::{Generator, GeneratorState};

/// What a step of a generated generator is asked to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry<R> {
    /// `start()`: run from the beginning.
    Start,
    /// `resume(r)`: answer the suspended `yield` with `r`.
    Resume(R),
    /// The innermost delegate of a chain completed during a direct resume: its return value
    /// waits in its [`Delegate`] slot, and the resume value has been used.
    Continue,
}

/// A `yield_from!` delegate as the delegating generator stores it. An enum, so that the return
/// value usually fits in the delegate's niche and costs no space.
#[derive(Clone, Debug)]
pub enum Delegate<D, T> {
    /// The delegate, suspended or running.
    Running(D),
    /// The delegate completed during a direct resume with this value (and was dropped); its
    /// delegating generator takes it in the step that follows.
    Returned(T),
    /// The value has been taken.
    Taken,
}

// Every method has the same bounds, `D: Generator<R>` and `D::Return` = `T` (through `Same`,
// which rustc does not report again once the first bound failed), so that a delegate that is no
// generator is reported once, at the operand.
impl<D, T> Delegate<D, T> {
    /// Wraps the delegate.
    #[inline(always)]
    pub fn new<R>(delegate: D) -> Self
    where
        D: Generator<R>,
        D::Return: Same<T>,
    {
        Delegate::Running(delegate)
    }

    /// Starts the delegate. `relocate` is set: the chain from the outermost generator now ends
    /// somewhere else, and the outermost generator locates its innermost delegate again after
    /// this step (a delegate that delegates reports to the same flag instead of locating its
    /// own).
    #[inline(always)]
    pub fn start<R>(&mut self, relocate: &mut bool) -> GeneratorState<D::Yield, T>
    where
        D: Generator<R>,
        D::Return: Same<T>,
    {
        *relocate = true;
        match self {
            Delegate::Running(delegate) => {
                delegate.__start_nested(relocate).map_complete(Same::same)
            }
            _ => broken_chain(),
        }
    }

    /// The step that continues the delegating generator: resume the delegate with the resume
    /// value, or pass [`Entry::Continue`] down to it, or take the value it returned.
    /// `relocate` is the step's flag, as for [`start`](Self::start): a delegate that delegates
    /// sets it when the chain below it changed.
    #[inline(always)]
    pub fn resume_entry<R>(
        &mut self,
        entry: Entry<R>,
        relocate: &mut bool,
    ) -> GeneratorState<D::Yield, T>
    where
        D: Generator<R>,
        D::Return: Same<T>,
    {
        match entry {
            Entry::Resume(arg) => match self {
                Delegate::Running(delegate) => {
                    resume_nested(delegate, arg, Some(relocate)).map_complete(Same::same)
                }
                _ => broken_chain(),
            },
            // Out of line: once per completed innermost delegate.
            Entry::Continue => self.continue_chain(relocate),
            Entry::Start => crate::__private::already_started(),
        }
    }

    /// [`Entry::Continue`]: passed down the chain, or taking the value the delegate returned.
    #[inline(never)]
    fn continue_chain<R>(&mut self, relocate: &mut bool) -> GeneratorState<D::Yield, T>
    where
        D: Generator<R>,
        D::Return: Same<T>,
    {
        match self {
            Delegate::Running(delegate) => delegate.__continue(relocate).map_complete(Same::same),
            Delegate::Returned(_) => match mem::replace(self, Delegate::Taken) {
                Delegate::Returned(value) => GeneratorState::Complete(value),
                _ => broken_chain(),
            },
            Delegate::Taken => broken_chain(),
        }
    }

    /// Where the innermost running delegate of the chain from here sits, and how deep.
    #[inline]
    pub fn leaf<R>(&mut self) -> Option<Leaf<R, D::Yield>>
    where
        D: Generator<R>,
        D::Return: Same<T>,
    {
        // Only the address is kept: the fast path derives its pointer from the outermost
        // generator's `&mut self` each time.
        let at = self as *mut Self as usize;
        let Delegate::Running(delegate) = self else {
            return None;
        };
        Some(match delegate.__leaf() {
            Some(inner) => Leaf {
                depth: inner.depth + 1,
                ..inner
            },
            None => Leaf {
                at,
                size: mem::size_of::<Self>(),
                resume: resume_slot::<D, T, R>,
                depth: 1,
            },
        })
    }
}

/// Finds the innermost running delegate of the state's current variant: a closure the macro
/// writes, coerced to a function pointer. A closure, so that the delegate's yield type may be a
/// subtype of the generator's (`&'static str` for `&'a str`), which a trait bound could not
/// express; a pointer, so that the generator's type does not repeat the state's type once more
/// per level (over a chain of `d` levels, rustc's work on such a type grows exponentially).
pub type Slots<S, R, Y> = fn(&mut S) -> Option<Leaf<R, Y>>;

/// [`Slots`] as [`Delegating`] keeps it: without the state's type.
type ErasedSlots<R, Y> = unsafe fn(*mut u8) -> Option<Leaf<R, Y>>;

/// Type equality as a bound: `A: Same<B>` holds when `A` is `B`.
pub trait Same<T> {
    /// The value, as the type it is.
    fn same(self) -> T;
}

impl<T> Same<T> for T {
    #[inline(always)]
    fn same(self) -> T {
        self
    }
}

/// The innermost running delegate of a chain: its address and size, how to resume it, and how
/// many levels down it is (1: the delegate of the generator asked).
pub struct Leaf<R, Y> {
    at: usize,
    size: usize,
    resume: ResumeSlot<R, Y>,
    depth: u32,
}

// By hand: derives would ask `R` and `Y` to be `Clone`/`Copy`.
impl<R, Y> Clone for Leaf<R, Y> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R, Y> Copy for Leaf<R, Y> {}

/// Resumes the [`Delegate`] slot at the address; `None` when it completed (its value is then
/// in the slot).
type ResumeSlot<R, Y> = unsafe fn(*mut u8, R) -> Option<Y>;

/// A [`Leaf`] as the outermost generator keeps it: relative to its state.
struct LeafAt<R, Y> {
    offset: usize,
    resume: ResumeSlot<R, Y>,
}

impl<R, Y> Clone for LeafAt<R, Y> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R, Y> Copy for LeafAt<R, Y> {}

/// # Safety
///
/// `at` points to a live `Delegate<D, T>` that nothing else borrows.
unsafe fn resume_slot<D: Generator<R>, T, R>(at: *mut u8, arg: R) -> Option<D::Yield>
where
    D::Return: Same<T>,
{
    // SAFETY: the caller's contract.
    let slot = unsafe { &mut *at.cast::<Delegate<D, T>>() };
    let Delegate::Running(delegate) = slot else {
        broken_chain()
    };
    // Nothing steps above it: a delegate that delegates locates its own chain. A leaf is
    // resumed once per call of this function, which is always out of line.
    let step = if D::__delegates() {
        resume_nested(delegate, arg, None)
    } else {
        delegate.__resume_out_of_line(arg)
    };
    match step {
        GeneratorState::Yielded(value) => Some(value),
        GeneratorState::Complete(value) => {
            *slot = Delegate::Returned(value.same());
            None
        }
    }
}

/// Resumes a delegate from inside a chain. The `resume` of a generator that delegates is
/// always inlined, so that a one-level chain driven by a loop can compile to one loop.
/// Inlined into the level above, each level would carry a copy of every level below it (and
/// so would each [`resume_slot`]): code quadratic in the depth. So a delegate that can
/// delegate is called, out of line; a leaf is inlined as usual. `relocate`: the flag of the
/// step above, if there is one (see [`Delegate::start`]).
#[inline(always)]
fn resume_nested<D: Generator<R>, R>(
    delegate: &mut D,
    arg: R,
    relocate: Option<&mut bool>,
) -> GeneratorState<D::Yield, D::Return> {
    #[inline(never)]
    fn out_of_line<D: Generator<R>, R>(
        delegate: &mut D,
        arg: R,
        relocate: Option<&mut bool>,
    ) -> GeneratorState<D::Yield, D::Return> {
        match relocate {
            Some(relocate) => delegate.__resume_nested(arg, relocate),
            None => delegate.resume(arg),
        }
    }
    if D::__delegates() {
        out_of_line(delegate, arg, relocate)
    } else {
        delegate.resume(arg)
    }
}

#[cold]
#[inline(never)]
pub(crate) fn broken_chain() -> ! {
    unreachable!("gen_core: a yield_from! chain lost track of its delegate (please report this)")
}

/// The generator a `#[generator]` function that uses `yield_from!` returns: like
/// [`Generated`](crate::__private::Generated), plus where its innermost running delegate is,
/// when that is at least two levels down.
///
/// Its type names the state's type once, in the step closure's return type
/// ([`DelegatingStep`]). The state holds the delegate, whose type is the generator type of the
/// level below, so a type that named the state twice (a field and the closure's parameter)
/// would name the level below twice, and the level below that four times: rustc's
/// monomorphization expands the types of a chain of `d` levels as a tree, `2^d` nodes (a
/// 24-level chain built in 21 s).
pub struct Delegating<F: DelegatingStep<R>, R> {
    state: F::State,
    leaf: Option<LeafAt<R, F::Yield>>,
    step: F,
    slots: ErasedSlots<R, F::Yield>,
    _glue: DropGlue,
}

/// The step closure of a generator that delegates, seen through its return type: it takes
/// the state as a [`StateRef`] and returns [`Stepped`], which names the state's type.
pub trait DelegatingStep<R> {
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
        entry: Entry<R>,
        relocate: &mut bool,
    ) -> GeneratorState<Self::Yield, Self::Return>;
}

impl<F, S, R, Y, T> DelegatingStep<R> for F
where
    F: for<'a> FnMut(StateRef<'a>, Entry<R>, &mut bool) -> Stepped<S, Y, T>,
    S: StateMachine,
{
    type State = S;
    type Yield = Y;
    type Return = T;

    #[inline(always)]
    fn step(
        &mut self,
        state: &mut S,
        entry: Entry<R>,
        relocate: &mut bool,
    ) -> GeneratorState<Y, T> {
        self(StateRef::new(state), entry, relocate).into_inner()
    }
}

/// The result of a step, with the state's type: see [`Delegating`].
pub struct Stepped<S, Y, T>(GeneratorState<Y, T>, PhantomData<fn() -> S>);

impl<S, Y, T> Stepped<S, Y, T> {
    /// The step's result.
    #[inline(always)]
    pub fn new(step: GeneratorState<Y, T>) -> Self {
        Stepped(step, PhantomData)
    }

    #[inline(always)]
    pub(crate) fn into_inner(self) -> GeneratorState<Y, T> {
        self.0
    }
}

/// [`StateRef::get`] asked for another type than the state's: never, in code the macro
/// writes. Its [`report`](Self::report) is the step closure's first `return`, which ties the
/// state's type to the closure's return type before the body needs it.
pub struct WrongState<S>(PhantomData<fn() -> S>);

impl<S> WrongState<S> {
    /// Panics.
    #[inline(always)]
    pub fn report<Y, T>(self) -> Stepped<S, Y, T> {
        wrong_state()
    }
}

#[cold]
#[inline(never)]
fn wrong_state() -> ! {
    panic!("gen_core: a step asked for another state type (please report this)")
}

/// The state, as the step closure receives it: a `&mut` to a state whose type its parameter
/// does not name (see [`Delegating`]). [`get`](Self::get) checks the type it is asked for.
///
/// Not public API, and sound for the code the macro writes only: there the closure asks for
/// the state type its own return type names, which inference makes the state's exact type,
/// lifetimes included. The check compares type ids with lifetimes erased (the state may hold
/// borrows, and `core::any::TypeId` needs `'static`), so a closure written by hand that asked
/// for the same type with longer lifetimes would get a reference the borrow checker cannot
/// see through. A type-level link would name the state in the closure's parameter again (see
/// [`Delegating`]); an `unsafe` call in the expansion would break crates that
/// `#![forbid(unsafe_code)]`.
pub struct StateRef<'a> {
    state: *mut u8,
    id: TypeId,
    _borrow: PhantomData<&'a mut ()>,
}

impl<'a> StateRef<'a> {
    #[inline(always)]
    pub(crate) fn new<S>(state: &'a mut S) -> Self {
        StateRef {
            state: (state as *mut S).cast(),
            id: typeid::of::<S>(),
            _borrow: PhantomData,
        }
    }

    /// The state, as the type it is; an error if `S` is another type (lifetimes aside). A
    /// constant check, where inlined.
    #[inline(always)]
    pub fn get<S>(self) -> Result<&'a mut S, WrongState<S>> {
        if self.id != typeid::of::<S>() {
            return Err(WrongState(PhantomData));
        }
        // SAFETY: made from a `&'a mut` to a value of the same type up to lifetimes, which
        // layouts do not depend on; the step closure's lifetimes are those of the state it was
        // made with, by inference.
        Ok(unsafe { &mut *self.state.cast::<S>() })
    }
}

/// Gives every generator that delegates drop glue, so that a state without drop glue is known,
/// at compile time, to hold no delegate that delegates itself: its chains are one level deep,
/// and [`Delegating::may_deepen`] leaves out the direct resume. Without it, the fast path's
/// call with a pointer into the state keeps LLVM from keeping the state in registers, and a
/// one-level chain, which it otherwise compiles into a plain loop, costs several times more.
struct DropGlue;

impl Drop for DropGlue {
    #[inline(always)]
    fn drop(&mut self) {}
}

// By hand: a derive would ask `R` to be `Clone`. The offset stays right in the clone.
impl<F: DelegatingStep<R> + Clone, R> Clone for Delegating<F, R>
where
    F::State: Clone,
{
    fn clone(&self) -> Self {
        Delegating {
            state: self.state.clone(),
            leaf: self.leaf,
            step: self.step.clone(),
            slots: self.slots,
            _glue: DropGlue,
        }
    }
}

/// Pairs the initial state with the step closure and the slot finder.
#[inline]
pub fn delegating<S, F, R, Y, T>(state: S, step: F, slots: Slots<S, R, Y>) -> Delegating<F, R>
where
    S: StateMachine,
    F: for<'a> FnMut(StateRef<'a>, Entry<R>, &mut bool) -> Stepped<S, Y, T>,
{
    Delegating {
        state,
        leaf: None,
        step,
        // SAFETY: `&mut S` and `*mut u8` are ABI-compatible (both thin pointers); the pointer
        // is only called with a pointer to this generator's state (see `find_leaf`).
        slots: unsafe { mem::transmute::<Slots<S, R, Y>, ErasedSlots<R, Y>>(slots) },
        _glue: DropGlue,
    }
}

impl<F, R, S, Y, T> Delegating<F, R>
where
    F: DelegatingStep<R, State = S, Yield = Y, Return = T>,
    S: StateMachine,
{
    /// A step through every level. If a delegate started or completed below, the chain now
    /// ends somewhere else: called from outside (`nested` is `None`), this generator is the
    /// outermost and locates the innermost delegate again; called by the generator that
    /// delegates to it, it sets that step's flag instead, so that a chain is located once, by
    /// its outermost generator, and not once per level (quadratic in the depth).
    #[inline(always)]
    fn step(&mut self, entry: Entry<R>, nested: Option<&mut bool>) -> GeneratorState<Y, T> {
        crate::__private::reject_ended(&self.state);
        // A continue: the innermost delegate completed.
        let mut changed = matches!(entry, Entry::Continue);
        let guard = PoisonOnUnwind(&mut self.state);
        let step = self.step.step(&mut *guard.0, entry, &mut changed);
        mem::forget(guard);
        if S::DONE_AFTER_STEP && step.is_complete() {
            crate::__private::mark_done(&mut self.state);
        }
        match nested {
            Some(relocate) => *relocate |= changed,
            None => {
                if Self::may_deepen() && step.is_yielded() && changed {
                    self.locate();
                }
            }
        }
        step
    }

    /// `resume`, from outside (`nested` is `None`) or from the generator that delegates to this
    /// one: through the located innermost delegate if there is one, else a step.
    #[inline(always)]
    fn resume_from(&mut self, arg: R, nested: Option<&mut bool>) -> GeneratorState<Y, T> {
        // One call of the step closure in `resume`.
        let leaf = if Self::may_deepen() { self.leaf } else { None };
        let entry = match leaf {
            Some(leaf) => match self.resume_leaf(leaf, arg) {
                Some(value) => return GeneratorState::Yielded(value),
                None => {
                    self.leaf = None;
                    Entry::Continue
                }
            },
            None => Entry::Resume(arg),
        };
        self.step(entry, nested)
    }

    /// Whether a chain below this generator can be deeper than one level: a constant. A
    /// delegate that delegates gives the state drop glue (see [`DropGlue`]); a state without
    /// any cannot hold one. (Conservative: a state that drops a `String` says yes too.)
    #[inline(always)]
    fn may_deepen() -> bool {
        mem::needs_drop::<S>()
    }

    /// Remembers the innermost running delegate if it is at least two levels down: one level
    /// is resumed directly by the step itself, inlined.
    #[inline(always)]
    fn locate(&mut self) {
        let base = &raw mut self.state as usize;
        if let Some(leaf) = self.find_leaf()
            && leaf.depth >= 2
            // Always true: delegates are found through inline slots only (a boxed one is a
            // leaf itself). Checked all the same, as the one place where the offset is made.
            && let Some(offset) = leaf.at.checked_sub(base)
            && offset
                .checked_add(leaf.size)
                .is_some_and(|end| end <= mem::size_of::<S>())
        {
            self.leaf = Some(LeafAt {
                offset,
                resume: leaf.resume,
            });
        }
    }

    /// The slot finder, on this generator's state.
    #[inline(always)]
    fn find_leaf(&mut self) -> Option<Leaf<R, Y>> {
        // SAFETY: the finder was made for a `&mut S` (see `delegating`).
        unsafe { (self.slots)((&raw mut self.state).cast()) }
    }

    /// Resumes the innermost delegate directly: `None` when it completed.
    #[inline(always)]
    fn resume_leaf(&mut self, leaf: LeafAt<R, Y>, arg: R) -> Option<Y> {
        let guard = ForgetLeafOnUnwind(self);
        let at = (&raw mut guard.0.state)
            .cast::<u8>()
            .wrapping_add(leaf.offset);
        // SAFETY: `leaf` was located in this state after the last step through the levels, and
        // only such a step changes which variant each level is in; the fast path changes the
        // innermost delegate only, and that delegate's slot stays where it was. So `at` is the
        // same `Delegate` slot, at the same offset of the (possibly moved or cloned) state,
        // that `leaf.resume` was made for, and the `&mut` it is derived from is the only
        // borrow of the state.
        let step = unsafe { (leaf.resume)(at, arg) };
        mem::forget(guard);
        step
    }
}

/// A panic in the innermost delegate, resumed directly, poisons the generator (a resume that
/// returns forgets the guard). The levels below drop with the state: a variant's delegate is its
/// latest binding, hence its first field, so they drop innermost first, as they do when the
/// panic goes through each level's own guard.
struct ForgetLeafOnUnwind<'a, F: DelegatingStep<R>, R>(&'a mut Delegating<F, R>);

impl<F: DelegatingStep<R>, R> Drop for ForgetLeafOnUnwind<'_, F, R> {
    fn drop(&mut self) {
        self.0.leaf = None;
        self.0.state.set_poisoned();
    }
}

impl<F, R, S, Y, T> Generator<R> for Delegating<F, R>
where
    F: DelegatingStep<R, State = S, Yield = Y, Return = T>,
    S: StateMachine,
{
    type Yield = Y;
    type Return = T;

    #[inline]
    fn start(&mut self) -> GeneratorState<Y, T> {
        // `start()` on a started generator panics in the step and poisons the state: the
        // offset must not outlive it.
        self.leaf = None;
        self.step(Entry::Start, None)
    }

    // Always: a deeper chain's direct resume is then a few instructions around one indirect
    // call, and where LLVM inlines the step closure too, a loop that drives a one-level chain
    // compiles to the delegate's own loop. Inside a chain, see `resume_nested`.
    #[inline(always)]
    fn resume(&mut self, arg: R) -> GeneratorState<Y, T> {
        self.resume_from(arg, None)
    }

    #[inline]
    fn __start_nested(&mut self, relocate: &mut bool) -> GeneratorState<Y, T> {
        self.leaf = None;
        self.step(Entry::Start, Some(relocate))
    }

    // Already out of line: see `resume_nested`.
    #[inline(always)]
    fn __resume_nested(&mut self, arg: R, relocate: &mut bool) -> GeneratorState<Y, T> {
        self.resume_from(arg, Some(relocate))
    }

    #[inline]
    fn __continue(&mut self, relocate: &mut bool) -> GeneratorState<Y, T> {
        self.leaf = None;
        self.step(Entry::Continue, Some(relocate))
    }

    #[inline]
    fn __leaf(&mut self) -> Option<Leaf<R, Y>> {
        self.find_leaf()
    }

    #[inline(always)]
    fn __delegates() -> bool {
        true
    }
}

impl<F: DelegatingStep<R>, R> core::fmt::Debug for Delegating<F, R> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("Generator { .. }")
    }
}

#[cfg(test)]
mod tests {
    use core::cell::Cell;
    use std::rc::Rc;

    use crate::prelude::*;
    use crate::{Generator, GeneratorState};

    /// A leaf that counts the passes that locate a chain's innermost delegate and reach it
    /// (each asks it once whether it delegates), and otherwise yields `left - 1` down to 0.
    struct Probe {
        left: u32,
        located: Rc<Cell<u32>>,
    }

    fn probe(left: u32) -> (Probe, Rc<Cell<u32>>) {
        let located = Rc::new(Cell::new(0));
        let probe = Probe {
            left,
            located: Rc::clone(&located),
        };
        (probe, located)
    }

    impl Generator for Probe {
        type Yield = u32;
        type Return = u32;

        fn start(&mut self) -> GeneratorState<u32, u32> {
            self.resume(())
        }

        fn resume(&mut self, (): ()) -> GeneratorState<u32, u32> {
            if self.left == 0 {
                return GeneratorState::Complete(100);
            }
            self.left -= 1;
            GeneratorState::Yielded(self.left)
        }

        fn __leaf(&mut self) -> Option<super::Leaf<(), u32>> {
            self.located.set(self.located.get() + 1);
            None
        }
    }

    #[generator(crate = crate)]
    fn one(p: Probe) -> impl Generator<Yield = u32, Return = u32> {
        yield_from!(p) + 1
    }

    #[generator(crate = crate)]
    fn two(p: Probe) -> impl Generator<Yield = u32, Return = u32> {
        yield_from!(one(p)) + 1
    }

    #[generator(crate = crate)]
    fn three(p: Probe) -> impl Generator<Yield = u32, Return = u32> {
        yield_from!(two(p)) + 1
    }

    /// Two delegates in turn, one level below the outermost generator.
    #[generator(crate = crate)]
    fn in_turn(first: Probe, second: Probe) -> impl Generator<Yield = u32, Return = u32> {
        let a = yield_from!(first);
        let b = yield_from!(second);
        a + b
    }

    #[generator(crate = crate)]
    fn above(first: Probe, second: Probe) -> impl Generator<Yield = u32, Return = u32> {
        yield_from!(in_turn(first, second))
    }

    fn drain(g: &mut impl Generator<Yield = u32, Return = u32>) -> (Vec<u32>, u32) {
        let mut items = Vec::new();
        loop {
            match g.resume(()) {
                GeneratorState::Yielded(v) => items.push(v),
                GeneratorState::Complete(r) => return (items, r),
            }
        }
    }

    /// The step closure gets its state untyped: asking for another type is refused, not
    /// granted (the type id is that of the type with its lifetimes erased).
    #[test]
    fn a_state_ref_gives_the_state_only_as_its_own_type() {
        let mut value = 7_u32;
        assert!(super::StateRef::new(&mut value).get::<u64>().is_err());
        assert!(super::StateRef::new(&mut value).get::<i32>().is_err());
        let text = String::from("borrowed");
        let mut borrowing: (&str, u32) = (&text, 1);
        assert!(
            super::StateRef::new(&mut borrowing)
                .get::<(&str, u64)>()
                .is_err()
        );
        match super::StateRef::new(&mut borrowing).get::<(&str, u32)>() {
            Ok(state) => state.1 += 1,
            Err(_) => panic!("the state's own type was refused"),
        }
        assert_eq!(borrowing, ("borrowed", 2));
        match super::StateRef::new(&mut value).get::<u32>() {
            Ok(state) => *state += 1,
            Err(_) => panic!("the state's own type was refused"),
        }
        assert_eq!(value, 8);
    }

    #[test]
    fn a_chain_is_located_once_by_its_outermost_generator() {
        let (p, located) = probe(5);
        let mut g = three(p);
        assert_eq!(g.start(), GeneratorState::Yielded(4));
        // Not once per level: the levels below report to the outermost, which locates.
        assert_eq!(located.get(), 1);
        assert_eq!(g.resume(()), GeneratorState::Yielded(3));
        // Resumed directly: nothing is located again while the chain stays as it is.
        assert_eq!(located.get(), 1);
        assert_eq!(drain(&mut g), (vec![2, 1, 0], 103));
    }

    #[test]
    fn a_delegate_started_mid_chain_is_located() {
        let (first, located_first) = probe(2);
        let (second, located_second) = probe(3);
        let mut g = above(first, second);
        assert_eq!(g.start(), GeneratorState::Yielded(1));
        assert_eq!(g.resume(()), GeneratorState::Yielded(0));
        assert_eq!((located_first.get(), located_second.get()), (1, 0));
        // `first` completes and `in_turn` starts `second`, two levels down: the outermost
        // generator locates it, so it is resumed directly too.
        assert_eq!(g.resume(()), GeneratorState::Yielded(2));
        assert_eq!(located_second.get(), 1);
        assert_eq!(drain(&mut g), (vec![1, 0], 200));
        assert_eq!(located_second.get(), 1);
    }
}
