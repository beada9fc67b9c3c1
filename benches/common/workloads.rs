//! The benchmark workloads, once per implementation.
//!
//! Shared by `benches/generators.rs` (timing) and `benches/sizes.rs` (`size_of_val`).
//! Every implementation of a workload yields the same sequence and returns the same value;
//! `tests` at the bottom check that, so a cell of the table never compares different work.
//!
//! Conventions:
//! - `counter(n)`: yields `0..n`.
//! - `nested(n)`: diapause's published workload: two nested `for`s, `j < i < n`, yields
//!   `i ^ j` (`n * (n - 1) / 2` items).
//! - `grid(n)`: two nested `for`s over `0..n` each, yields `i * n + j` (`n * n` items). The
//!   limit keeps `i * n` in a field, a strength reduction no expansion of the source can do.
//! - `running_total(n)`: `n` yields of the running total; each resume value is added to it;
//!   returns the total. The driver sends `1, 2, 3, ...`.
//! - `large_state(n)`: a `[u64; 32]` live across every yield, updated and read each step.
//! - `fib(n)`: the first `n` Fibonacci numbers (wrapping).
//! - `owned(n)`: `counter(n)` that keeps a `String` across its loop and returns `n` plus its
//!   length: a state with drop glue, as a generator owning a buffer has. The `String` is
//!   made by the caller and passed in (the hand-written limit's constructor makes it), so no
//!   step allocates.
//! - `chain_d(n)`: `d` levels of delegation (`yield_from!`) over `counter(n)`; each level
//!   returns its delegate's return value plus one, the leaf returns `n`.
#![allow(dead_code)]

pub const WORDS: usize = 32;

/// The hand-written limit: structs with the state machine written out, implementing the
/// same `gen_core::Generator` trait so one driver serves them and ours.
pub mod hand {
    use super::WORDS;
    use gen_core::{Generator, GeneratorState};

    #[derive(Clone)]
    pub struct Counter {
        i: u64,
        n: u64,
    }
    pub fn counter(n: u64) -> Counter {
        Counter { i: 0, n }
    }
    impl Generator for Counter {
        type Yield = u64;
        type Return = u64;
        #[inline(always)]
        fn start(&mut self) -> GeneratorState<u64, u64> {
            self.resume(())
        }
        #[inline(always)]
        fn resume(&mut self, _: ()) -> GeneratorState<u64, u64> {
            if self.i < self.n {
                let i = self.i;
                self.i += 1;
                GeneratorState::Yielded(i)
            } else {
                GeneratorState::Complete(self.n)
            }
        }
    }

    /// `counter` with a `String` kept to the end.
    pub struct Owned {
        counter: Counter,
        label: String,
    }
    pub fn owned(n: u64) -> Owned {
        Owned {
            counter: counter(n),
            label: String::from("owned"),
        }
    }
    impl Generator for Owned {
        type Yield = u64;
        type Return = u64;
        #[inline(always)]
        fn start(&mut self) -> GeneratorState<u64, u64> {
            self.resume(())
        }
        #[inline(always)]
        fn resume(&mut self, _: ()) -> GeneratorState<u64, u64> {
            self.counter
                .resume(())
                .map_complete(|n| n + self.label.len() as u64)
        }
    }

    /// diapause's hand-written `nested`, with its two loops collapsed further: every row but
    /// the empty first one has an item, so the end of a row goes straight to the next row's
    /// first item, with no loop.
    pub struct Nested {
        i: u64,
        j: u64,
        n: u64,
    }
    pub fn nested(n: u64) -> Nested {
        Nested { i: 0, j: 0, n }
    }
    impl Generator for Nested {
        type Yield = u64;
        type Return = ();
        #[inline(always)]
        fn start(&mut self) -> GeneratorState<u64, ()> {
            self.resume(())
        }
        #[inline(always)]
        fn resume(&mut self, _: ()) -> GeneratorState<u64, ()> {
            if self.j < self.i {
                let v = self.i ^ self.j;
                self.j += 1;
                return GeneratorState::Yielded(v);
            }
            // End of row `i`; row `i + 1` starts with `(i + 1) ^ 0`.
            self.i += 1;
            if self.i < self.n {
                self.j = 1;
                return GeneratorState::Yielded(self.i);
            }
            GeneratorState::Complete(())
        }
    }

    pub struct Grid {
        i: u64,
        j: u64,
        n: u64,
        /// `i * n`, kept so the hot path is one add.
        row: u64,
    }
    pub fn grid(n: u64) -> Grid {
        Grid {
            i: 0,
            j: 0,
            n,
            row: 0,
        }
    }
    impl Generator for Grid {
        type Yield = u64;
        type Return = ();
        #[inline(always)]
        fn start(&mut self) -> GeneratorState<u64, ()> {
            self.resume(())
        }
        #[inline(always)]
        fn resume(&mut self, _: ()) -> GeneratorState<u64, ()> {
            if self.j < self.n {
                let v = self.row + self.j;
                self.j += 1;
                return GeneratorState::Yielded(v);
            }
            // End of a row (or n == 0): the next row starts with its first item.
            self.i += 1;
            if self.i < self.n {
                self.row += self.n;
                self.j = 1;
                return GeneratorState::Yielded(self.row);
            }
            GeneratorState::Complete(())
        }
    }

    /// `grid` as the source states it, `i * n + j` for every item, without the limit's
    /// strength reduction: what a state machine written by hand from the generator's text
    /// does. Not a column of the bench; `examples/cycles.rs` measures it beside the limit and
    /// ours, to tell the cost of the expansion from the cost of the multiplication.
    pub struct GridLiteral {
        i: u64,
        j: u64,
        n: u64,
    }
    pub fn grid_literal(n: u64) -> GridLiteral {
        GridLiteral { i: 0, j: 0, n }
    }
    impl Generator for GridLiteral {
        type Yield = u64;
        type Return = ();
        #[inline(always)]
        fn start(&mut self) -> GeneratorState<u64, ()> {
            self.resume(())
        }
        #[inline(always)]
        fn resume(&mut self, _: ()) -> GeneratorState<u64, ()> {
            if self.j < self.n {
                let v = self.i * self.n + self.j;
                self.j += 1;
                return GeneratorState::Yielded(v);
            }
            self.i += 1;
            if self.i < self.n {
                self.j = 1;
                return GeneratorState::Yielded(self.i * self.n);
            }
            GeneratorState::Complete(())
        }
    }

    pub struct RunningTotal {
        total: u64,
        left: u64,
        started: bool,
    }
    pub fn running_total(n: u64) -> RunningTotal {
        RunningTotal {
            total: 0,
            left: n,
            started: false,
        }
    }
    impl Generator<u64> for RunningTotal {
        type Yield = u64;
        type Return = u64;
        #[inline(always)]
        fn start(&mut self) -> GeneratorState<u64, u64> {
            self.started = true;
            if self.left == 0 {
                return GeneratorState::Complete(self.total);
            }
            self.left -= 1;
            GeneratorState::Yielded(self.total)
        }
        #[inline(always)]
        fn resume(&mut self, v: u64) -> GeneratorState<u64, u64> {
            debug_assert!(self.started);
            self.total += v;
            if self.left == 0 {
                return GeneratorState::Complete(self.total);
            }
            self.left -= 1;
            GeneratorState::Yielded(self.total)
        }
    }

    pub struct LargeState {
        buf: [u64; WORDS],
        i: u64,
        n: u64,
    }
    pub fn large_state(n: u64) -> LargeState {
        LargeState {
            buf: [0; WORDS],
            i: 0,
            n,
        }
    }
    impl Generator for LargeState {
        type Yield = u64;
        type Return = u64;
        #[inline(always)]
        fn start(&mut self) -> GeneratorState<u64, u64> {
            self.resume(())
        }
        #[inline(always)]
        fn resume(&mut self, _: ()) -> GeneratorState<u64, u64> {
            if self.i < self.n {
                let i = self.i;
                self.buf[(i % WORDS as u64) as usize] += i;
                self.i += 1;
                GeneratorState::Yielded(self.buf[((i + 1) % WORDS as u64) as usize])
            } else {
                GeneratorState::Complete(self.buf.iter().sum())
            }
        }
    }

    pub struct Fib {
        a: u64,
        b: u64,
        left: u64,
    }
    pub fn fib(n: u64) -> Fib {
        Fib {
            a: 0,
            b: 1,
            left: n,
        }
    }
    impl Generator for Fib {
        type Yield = u64;
        type Return = ();
        #[inline(always)]
        fn start(&mut self) -> GeneratorState<u64, ()> {
            self.resume(())
        }
        #[inline(always)]
        fn resume(&mut self, _: ()) -> GeneratorState<u64, ()> {
            if self.left == 0 {
                return GeneratorState::Complete(());
            }
            self.left -= 1;
            let a = self.a;
            (self.a, self.b) = (self.b, self.a.wrapping_add(self.b));
            GeneratorState::Yielded(a)
        }
    }

    /// The hand-written counter resumed by a call that is not inlined: its state lives in
    /// memory, and every item is one call. A chain deeper than one level that resumes its
    /// innermost delegate through a function pointer, as ours does, cannot cost less per item:
    /// the floor of that design for depth >= 2.
    pub struct OutOfLine<G>(G);
    pub fn counter_out_of_line(n: u64) -> OutOfLine<Counter> {
        OutOfLine(counter(n))
    }
    impl<G: Generator> Generator for OutOfLine<G> {
        type Yield = G::Yield;
        type Return = G::Return;
        #[inline(always)]
        fn start(&mut self) -> GeneratorState<G::Yield, G::Return> {
            self.resume(())
        }
        #[inline(always)]
        fn resume(&mut self, _: ()) -> GeneratorState<G::Yield, G::Return> {
            #[inline(never)]
            fn call<G: Generator>(g: &mut G) -> GeneratorState<G::Yield, G::Return> {
                g.resume(())
            }
            call(&mut self.0)
        }
    }

    /// The hand-written counter inlined into the driver's loop, but reached at a position
    /// known only at run time, among slots the optimiser cannot tell apart, as a located
    /// innermost delegate at an offset of the outermost state is: what a chain whose outermost
    /// generator knew its innermost delegate's type, and called it directly, could cost.
    pub struct AtRunTimePosition<G> {
        slots: [Option<G>; 2],
        at: usize,
    }
    pub fn counter_at_run_time_position(n: u64) -> AtRunTimePosition<Counter> {
        AtRunTimePosition {
            slots: [None, Some(counter(n))],
            at: std::hint::black_box(1),
        }
    }
    impl<G: Generator> Generator for AtRunTimePosition<G> {
        type Yield = G::Yield;
        type Return = G::Return;
        #[inline(always)]
        fn start(&mut self) -> GeneratorState<G::Yield, G::Return> {
            self.resume(())
        }
        #[inline(always)]
        fn resume(&mut self, _: ()) -> GeneratorState<G::Yield, G::Return> {
            match &mut self.slots[self.at] {
                Some(g) => g.resume(()),
                None => unreachable!("the slot was filled at creation"),
            }
        }
    }

    /// [`AtRunTimePosition`], plus a slow path that is not inlined and takes the whole value's
    /// address, reached when the counter completes. It returns whatever it likes, so the
    /// optimiser must expect the loop to go on after it. Every design in which a chain's
    /// outermost generator resumes its innermost delegate inlined, but steps through the
    /// levels with calls that see its state, pays at least this: the state's address has
    /// escaped, and every opaque operation in the loop (`black_box`, any call) makes the
    /// optimiser load the counter from memory and store it back.
    pub struct Escaping<G>(AtRunTimePosition<G>);
    pub fn counter_escaping(n: u64) -> Escaping<Counter> {
        Escaping(counter_at_run_time_position(n))
    }
    impl<G: Generator> Generator for Escaping<G> {
        type Yield = G::Yield;
        type Return = G::Return;
        #[inline(always)]
        fn start(&mut self) -> GeneratorState<G::Yield, G::Return> {
            self.resume(())
        }
        #[inline(always)]
        fn resume(&mut self, _: ()) -> GeneratorState<G::Yield, G::Return> {
            #[inline(never)]
            fn slow<G: Generator>(
                escaping: &mut Escaping<G>,
                returned: G::Return,
            ) -> GeneratorState<G::Yield, G::Return> {
                let position = escaping.0.at;
                escaping.0.slots[position] = None;
                GeneratorState::Complete(returned)
            }
            match self.0.resume(()) {
                GeneratorState::Yielded(value) => GeneratorState::Yielded(value),
                GeneratorState::Complete(returned) => slow(self, returned),
            }
        }
    }

    /// One level of hand-written delegation: forward yields, map the return value.
    /// `#[inline]`, not `always`: each level calls both `start` and `resume` of the next, so
    /// forced inlining would grow the code as 2^depth.
    pub struct Layer<G> {
        inner: G,
        started: bool,
    }
    pub fn layer<G>(inner: G) -> Layer<G> {
        Layer {
            inner,
            started: false,
        }
    }
    impl<G: Generator<Yield = u64, Return = u64>> Generator for Layer<G> {
        type Yield = u64;
        type Return = u64;
        #[inline]
        fn start(&mut self) -> GeneratorState<u64, u64> {
            self.resume(())
        }
        #[inline]
        fn resume(&mut self, _: ()) -> GeneratorState<u64, u64> {
            let s = if self.started {
                self.inner.resume(())
            } else {
                self.started = true;
                self.inner.start()
            };
            match s {
                GeneratorState::Yielded(v) => GeneratorState::Yielded(v),
                GeneratorState::Complete(r) => GeneratorState::Complete(r + 1),
            }
        }
    }
    pub fn chain1(n: u64) -> impl Generator<Yield = u64, Return = u64> {
        layer(counter(n))
    }
    pub fn chain4(n: u64) -> impl Generator<Yield = u64, Return = u64> {
        layer(layer(layer(layer(counter(n)))))
    }
    pub fn chain16(n: u64) -> impl Generator<Yield = u64, Return = u64> {
        layer(layer(layer(layer(twelve_layers(n)))))
    }
    fn twelve_layers(n: u64) -> impl Generator<Yield = u64, Return = u64> {
        layer(layer(layer(layer(layer(layer(layer(layer(layer(
            layer(layer(layer(counter(n)))),
        )))))))))
    }
}

/// Ours: `#[generator]`.
pub mod ours {
    use super::WORDS;
    use gen_core::prelude::*;

    #[generator]
    pub fn counter(n: u64) -> impl Generator<Yield = u64, Return = u64> {
        for i in 0..n {
            r#yield!(i);
        }
        n
    }

    pub fn owned(n: u64) -> impl Generator<Yield = u64, Return = u64> {
        owned_with(String::from("owned"), n)
    }

    #[generator]
    fn owned_with(label: String, n: u64) -> impl Generator<Yield = u64, Return = u64> {
        for i in 0..n {
            r#yield!(i);
        }
        n + label.len() as u64
    }

    #[generator]
    pub fn nested(n: u64) -> impl Generator<Yield = u64, Return = ()> {
        for i in 0..n {
            for j in 0..i {
                r#yield!(i ^ j);
            }
        }
    }

    #[generator]
    pub fn grid(n: u64) -> impl Generator<Yield = u64, Return = ()> {
        for i in 0..n {
            for j in 0..n {
                r#yield!(i * n + j);
            }
        }
    }

    #[generator]
    pub fn running_total(n: u64) -> impl Generator<u64, Yield = u64, Return = u64> {
        let mut total = 0;
        for _ in 0..n {
            total += r#yield!(total);
        }
        total
    }

    #[generator]
    pub fn large_state(n: u64) -> impl Generator<Yield = u64, Return = u64> {
        let mut buf = [0u64; WORDS];
        for i in 0..n {
            buf[(i % WORDS as u64) as usize] += i;
            r#yield!(buf[((i + 1) % WORDS as u64) as usize]);
        }
        buf.iter().sum()
    }

    #[generator]
    pub fn fib(n: u64) -> impl Generator<Yield = u64, Return = ()> {
        let (mut a, mut b) = (0u64, 1u64);
        for _ in 0..n {
            r#yield!(a);
            (a, b) = (b, a.wrapping_add(b));
        }
    }

    macro_rules! level {
        ($($name:ident => $inner:ident),* $(,)?) => {$(
            #[generator]
            pub fn $name(n: u64) -> impl Generator<Yield = u64, Return = u64> {
                let r = yield_from!($inner(n));
                r + 1
            }
        )*};
    }
    level!(
        chain1 => counter, chain2 => chain1, chain3 => chain2, chain4 => chain3,
        chain5 => chain4, chain6 => chain5, chain7 => chain6, chain8 => chain7,
        chain9 => chain8, chain10 => chain9, chain11 => chain10, chain12 => chain11,
        chain13 => chain12, chain14 => chain13, chain15 => chain14, chain16 => chain15,
    );
}

/// diapause 0.2: `#[diapause::coroutine]`; every value crossing a yield needs a syntactic type.
pub mod diapause_impl {
    use super::WORDS;

    #[diapause::coroutine(yield = u64)]
    pub fn counter(n: u64) -> u64 {
        for i in 0u64..n {
            yield_!(i);
        }
        n
    }

    #[diapause::coroutine(yield = u64)]
    pub fn owned(label: String, n: u64) -> u64 {
        for i in 0u64..n {
            yield_!(i);
        }
        n + label.len() as u64
    }

    #[diapause::coroutine(yield = u64)]
    pub fn nested(n: u64) {
        for i in 0u64..n {
            for j in 0u64..i {
                yield_!(i ^ j);
            }
        }
    }

    #[diapause::coroutine(yield = u64)]
    pub fn grid(n: u64) {
        for i in 0u64..n {
            for j in 0u64..n {
                yield_!(i * n + j);
            }
        }
    }

    #[diapause::coroutine(yield = u64, resume = u64)]
    pub fn running_total(n: u64) -> u64 {
        let mut total: u64 = 0;
        for _ in 0u64..n {
            let v = yield_!(total);
            total += v;
        }
        total
    }

    #[diapause::coroutine(yield = u64)]
    pub fn large_state(n: u64) -> u64 {
        let mut buf: [u64; WORDS] = [0u64; WORDS];
        for i in 0u64..n {
            buf[(i % WORDS as u64) as usize] += i;
            let v: u64 = buf[((i + 1) % WORDS as u64) as usize];
            yield_!(v);
        }
        buf.iter().sum()
    }

    #[diapause::coroutine(yield = u64)]
    pub fn fib(n: u64) {
        let mut a: u64 = 0;
        let mut b: u64 = 1;
        for _ in 0u64..n {
            yield_!(a);
            let next: u64 = a.wrapping_add(b);
            a = b;
            b = next;
        }
    }

    macro_rules! level {
        ($($name:ident => $inner:ident),* $(,)?) => {$(
            #[diapause::coroutine(yield = u64)]
            pub fn $name(n: u64) -> u64 {
                let r: u64 = yield_all!($inner(n));
                r + 1
            }
        )*};
    }
    level!(
        chain1 => counter, chain2 => chain1, chain3 => chain2, chain4 => chain3,
        chain5 => chain4, chain6 => chain5, chain7 => chain6, chain8 => chain7,
        chain9 => chain8, chain10 => chain9, chain11 => chain10, chain12 => chain11,
        chain13 => chain12, chain14 => chain13, chain15 => chain14, chain16 => chain15,
    );
}

/// genawaiter 0.99, both flavours. The bodies are async fns sharing the `Co` handle;
/// delegation is awaiting a sub-async-fn that uses the same `Co` (genawaiter's own idiom:
/// it has no yield-from).
pub mod ga {

    macro_rules! bodies {
        ($co:ty, $co_resume:ty) => {
            pub async fn counter(co: $co, n: u64) -> u64 {
                for i in 0..n {
                    co.yield_(i).await;
                }
                n
            }
            pub async fn owned(co: $co, label: String, n: u64) -> u64 {
                for i in 0..n {
                    co.yield_(i).await;
                }
                n + label.len() as u64
            }
            pub async fn nested(co: $co, n: u64) {
                for i in 0..n {
                    for j in 0..i {
                        co.yield_(i ^ j).await;
                    }
                }
            }
            pub async fn grid(co: $co, n: u64) {
                for i in 0..n {
                    for j in 0..n {
                        co.yield_(i * n + j).await;
                    }
                }
            }
            pub async fn running_total(co: $co_resume, n: u64) -> u64 {
                let mut total = 0;
                for _ in 0..n {
                    total += co.yield_(total).await;
                }
                total
            }
            pub async fn large_state(co: $co, n: u64) -> u64 {
                let mut buf = [0u64; WORDS];
                for i in 0..n {
                    buf[(i % WORDS as u64) as usize] += i;
                    co.yield_(buf[((i + 1) % WORDS as u64) as usize]).await;
                }
                buf.iter().sum()
            }
            pub async fn fib(co: $co, n: u64) {
                let (mut a, mut b) = (0u64, 1u64);
                for _ in 0..n {
                    co.yield_(a).await;
                    (a, b) = (b, a.wrapping_add(b));
                }
            }
            async fn leaf(co: &$co, n: u64) -> u64 {
                for i in 0..n {
                    co.yield_(i).await;
                }
                n
            }
            levels!($co; l1 => leaf, l2 => l1, l3 => l2, l4 => l3, l5 => l4, l6 => l5,
                l7 => l6, l8 => l7, l9 => l8, l10 => l9, l11 => l10, l12 => l11,
                l13 => l12, l14 => l13, l15 => l14, l16 => l15);
            pub async fn chain1(co: $co, n: u64) -> u64 {
                l1(&co, n).await
            }
            pub async fn chain4(co: $co, n: u64) -> u64 {
                l4(&co, n).await
            }
            pub async fn chain16(co: $co, n: u64) -> u64 {
                l16(&co, n).await
            }
        };
    }
    macro_rules! levels {
        ($co:ty; $($name:ident => $inner:ident),*) => {$(
            async fn $name(co: &$co, n: u64) -> u64 {
                $inner(co, n).await + 1
            }
        )*};
    }

    pub mod rc {
        use super::super::WORDS;
        bodies!(genawaiter::rc::Co<u64>, genawaiter::rc::Co<u64, u64>);
    }
    pub mod stack {
        use super::super::WORDS;
        bodies!(
            genawaiter::stack::Co<'_, u64>,
            genawaiter::stack::Co<'_, u64, u64>
        );
    }
}

/// next-gen 0.1: `#[generator(yield(..), resume(..))]`, pinned on the stack by `mk_gen!`.
/// It has no delegation primitive: a chain level pins its delegate inside its own body and
/// re-yields each item (as the nightly coroutines do).
pub mod nextgen {
    use super::WORDS;
    use next_gen::generator;
    use next_gen::prelude::*;

    #[generator(yield(u64))]
    pub fn counter(n: u64) -> u64 {
        for i in 0..n {
            yield_!(i);
        }
        n
    }
    #[generator(yield(u64))]
    pub fn owned(label: String, n: u64) -> u64 {
        for i in 0..n {
            yield_!(i);
        }
        n + label.len() as u64
    }
    #[generator(yield(u64))]
    pub fn nested(n: u64) {
        for i in 0..n {
            for j in 0..i {
                yield_!(i ^ j);
            }
        }
    }
    #[generator(yield(u64))]
    pub fn grid(n: u64) {
        for i in 0..n {
            for j in 0..n {
                yield_!(i * n + j);
            }
        }
    }
    #[generator(yield(u64), resume(u64))]
    pub fn running_total(n: u64) -> u64 {
        let mut total = 0;
        for _ in 0..n {
            total += yield_!(total);
        }
        total
    }
    #[generator(yield(u64))]
    pub fn large_state(n: u64) -> u64 {
        let mut buf = [0u64; WORDS];
        for i in 0..n {
            buf[(i % WORDS as u64) as usize] += i;
            yield_!(buf[((i + 1) % WORDS as u64) as usize]);
        }
        buf.iter().sum()
    }
    #[generator(yield(u64))]
    pub fn fib(n: u64) {
        let (mut a, mut b) = (0u64, 1u64);
        for _ in 0..n {
            yield_!(a);
            (a, b) = (b, a.wrapping_add(b));
        }
    }

    macro_rules! level {
        ($($name:ident => $inner:ident),* $(,)?) => {$(
            #[generator(yield(u64))]
            pub fn $name(n: u64) -> u64 {
                mk_gen!(let mut inner = $inner(n));
                let r = loop {
                    match inner.as_mut().resume(()) {
                        GeneratorState::Yielded(v) => yield_!(v),
                        GeneratorState::Returned(r) => break r,
                    }
                };
                r + 1
            }
        )*};
    }
    level!(
        chain1 => counter, chain2 => chain1, chain3 => chain2, chain4 => chain3,
        chain5 => chain4, chain6 => chain5, chain7 => chain6, chain8 => chain7,
        chain9 => chain8, chain10 => chain9, chain11 => chain10, chain12 => chain11,
        chain13 => chain12, chain14 => chain13, chain15 => chain14, chain16 => chain15,
    );
}

/// corosensei 0.3 (stackful; one mmap'd stack per coroutine). Delegation is a plain nested
/// function call on the coroutine's stack.
pub mod coro {
    use super::WORDS;
    use corosensei::{Coroutine, Yielder};

    pub type Co<I, R> = Coroutine<I, u64, R>;

    pub fn counter(n: u64) -> Co<(), u64> {
        Coroutine::new(move |y: &Yielder<(), u64>, ()| {
            for i in 0..n {
                y.suspend(i);
            }
            n
        })
    }
    pub fn owned(n: u64) -> Co<(), u64> {
        let label = String::from("owned");
        Coroutine::new(move |y: &Yielder<(), u64>, ()| {
            for i in 0..n {
                y.suspend(i);
            }
            n + label.len() as u64
        })
    }
    pub fn nested(n: u64) -> Co<(), ()> {
        Coroutine::new(move |y: &Yielder<(), u64>, ()| {
            for i in 0..n {
                for j in 0..i {
                    y.suspend(i ^ j);
                }
            }
        })
    }
    pub fn grid(n: u64) -> Co<(), ()> {
        Coroutine::new(move |y: &Yielder<(), u64>, ()| {
            for i in 0..n {
                for j in 0..n {
                    y.suspend(i * n + j);
                }
            }
        })
    }
    pub fn running_total(n: u64) -> Co<u64, u64> {
        Coroutine::new(move |y: &Yielder<u64, u64>, _first: u64| {
            let mut total = 0;
            for _ in 0..n {
                total += y.suspend(total);
            }
            total
        })
    }
    pub fn large_state(n: u64) -> Co<(), u64> {
        Coroutine::new(move |y: &Yielder<(), u64>, ()| {
            let mut buf = [0u64; WORDS];
            for i in 0..n {
                buf[(i % WORDS as u64) as usize] += i;
                y.suspend(buf[((i + 1) % WORDS as u64) as usize]);
            }
            buf.iter().sum()
        })
    }
    pub fn fib(n: u64) -> Co<(), ()> {
        Coroutine::new(move |y: &Yielder<(), u64>, ()| {
            let (mut a, mut b) = (0u64, 1u64);
            for _ in 0..n {
                y.suspend(a);
                (a, b) = (b, a.wrapping_add(b));
            }
        })
    }
    fn level(y: &Yielder<(), u64>, depth: u32, n: u64) -> u64 {
        if depth == 0 {
            for i in 0..n {
                y.suspend(i);
            }
            n
        } else {
            level(y, depth - 1, n) + 1
        }
    }
    pub fn chain(depth: u32, n: u64) -> Co<(), u64> {
        Coroutine::new(move |y: &Yielder<(), u64>, ()| level(y, depth, n))
    }
}

/// What a return value adds to the checksum.
pub trait Check {
    fn check(self) -> u64;
}
impl Check for () {
    fn check(self) -> u64 {
        0
    }
}
impl Check for u64 {
    fn check(self) -> u64 {
        self
    }
}

/// Drivers: create nothing, drive to completion, return a checksum of every yielded value
/// (each passed through `black_box`, so the consumer observes every item) and the return
/// value.
pub mod drive {
    use super::Check;
    use std::hint::black_box;

    /// Anything implementing `gen_core::Generator<()>`: the hand-written limit and ours.
    #[inline(always)]
    pub fn gen_unit<G: gen_core::Generator<Yield = u64>>(mut g: G) -> u64
    where
        G::Return: Check,
    {
        use gen_core::GeneratorState::*;
        let mut sum = 0u64;
        let mut s = g.start();
        loop {
            match s {
                Yielded(v) => sum = sum.wrapping_add(black_box(v)),
                Complete(r) => return sum.wrapping_add(r.check()),
            }
            s = g.resume(());
        }
    }

    /// `Generator<u64>`: send 1, 2, 3, ... after the start.
    #[inline(always)]
    pub fn gen_send<G: gen_core::Generator<u64, Yield = u64, Return = u64>>(mut g: G) -> u64 {
        use gen_core::GeneratorState::*;
        let mut sum = 0u64;
        let mut k = 0u64;
        let mut s = g.start();
        loop {
            match s {
                Yielded(v) => sum = sum.wrapping_add(black_box(v)),
                Complete(r) => return sum.wrapping_add(r),
            }
            k += 1;
            s = g.resume(black_box(k));
        }
    }

    #[inline(always)]
    pub fn diapause_unit<C: diapause::Coroutine<(), Yield = u64>>(mut g: C) -> u64
    where
        C::Return: Check,
    {
        use diapause::CoroutineState::*;
        let mut sum = 0u64;
        let mut s = g.start();
        loop {
            match s {
                Yielded(v) => sum = sum.wrapping_add(black_box(v)),
                Complete(r) => return sum.wrapping_add(r.check()),
            }
            s = g.resume(());
        }
    }

    #[inline(always)]
    pub fn diapause_send<C: diapause::Coroutine<u64, Yield = u64, Return = u64>>(mut g: C) -> u64 {
        use diapause::CoroutineState::*;
        let mut sum = 0u64;
        let mut k = 0u64;
        let mut s = g.start();
        loop {
            match s {
                Yielded(v) => sum = sum.wrapping_add(black_box(v)),
                Complete(r) => return sum.wrapping_add(r),
            }
            k += 1;
            s = g.resume(black_box(k));
        }
    }

    /// genawaiter (either flavour) and next-gen share this shape: a `resume` call expression.
    /// `$first` is the argument of the first resume (genawaiter and next-gen drop it).
    macro_rules! drive_with {
        ($resume:expr, $yielded:path, $complete:path, unit) => {{
            let mut sum = 0u64;
            loop {
                match $resume(()) {
                    $yielded(v) => sum = sum.wrapping_add(std::hint::black_box(v)),
                    $complete(r) => break sum.wrapping_add($crate::workloads::Check::check(r)),
                }
            }
        }};
        ($resume:expr, $yielded:path, $complete:path, send) => {{
            let mut sum = 0u64;
            let mut k = 0u64;
            loop {
                match $resume(std::hint::black_box(k)) {
                    $yielded(v) => sum = sum.wrapping_add(std::hint::black_box(v)),
                    $complete(r) => break sum.wrapping_add(r),
                }
                k += 1;
            }
        }};
    }
    pub(crate) use drive_with;
}

/// Full drives (create + run to completion) for the peers whose generators live on the
/// caller's stack or need their own resume loop.
pub mod run {
    use super::drive::drive_with;
    use super::*;

    pub mod ga_rc {
        use super::*;
        use genawaiter::GeneratorState::{Complete, Yielded};
        use genawaiter::rc::Gen;
        macro_rules! unit {
            ($($name:ident),*) => {$(
                pub fn $name(n: u64) -> u64 {
                    let mut g = Gen::new(|co| ga::rc::$name(co, n));
                    drive_with!(|a| g.resume_with(a), Yielded, Complete, unit)
                }
            )*};
        }
        unit!(
            counter,
            nested,
            grid,
            large_state,
            fib,
            chain1,
            chain4,
            chain16
        );
        pub fn owned(n: u64) -> u64 {
            let label = String::from("owned");
            let mut g = Gen::new(|co| ga::rc::owned(co, label, n));
            drive_with!(|a| g.resume_with(a), Yielded, Complete, unit)
        }
        pub fn running_total(n: u64) -> u64 {
            let mut g = Gen::new(|co| ga::rc::running_total(co, n));
            drive_with!(|a| g.resume_with(a), Yielded, Complete, send)
        }
    }

    pub mod ga_stack {
        use super::*;
        use genawaiter::GeneratorState::{Complete, Yielded};
        use genawaiter::stack::let_gen_using;
        macro_rules! unit {
            ($($name:ident),*) => {$(
                pub fn $name(n: u64) -> u64 {
                    let_gen_using!(g, |co| ga::stack::$name(co, n));
                    drive_with!(|a| g.resume_with(a), Yielded, Complete, unit)
                }
            )*};
        }
        unit!(
            counter,
            nested,
            grid,
            large_state,
            fib,
            chain1,
            chain4,
            chain16
        );
        pub fn owned(n: u64) -> u64 {
            let label = String::from("owned");
            let_gen_using!(g, |co| ga::stack::owned(co, label, n));
            drive_with!(|a| g.resume_with(a), Yielded, Complete, unit)
        }
        pub fn running_total(n: u64) -> u64 {
            let_gen_using!(g, |co| ga::stack::running_total(co, n));
            drive_with!(|a| g.resume_with(a), Yielded, Complete, send)
        }
    }

    pub mod nextgen {
        use super::*;
        use next_gen::prelude::*;
        macro_rules! unit {
            ($($name:ident),*) => {$(
                pub fn $name(n: u64) -> u64 {
                    mk_gen!(let mut g = (crate::workloads::nextgen::$name)(n));
                    drive_with!(|a| g.as_mut().resume(a), GeneratorState::Yielded, GeneratorState::Returned, unit)
                }
            )*};
        }
        unit!(
            counter,
            nested,
            grid,
            large_state,
            fib,
            chain1,
            chain4,
            chain16
        );
        pub fn owned(n: u64) -> u64 {
            mk_gen!(let mut g = (crate::workloads::nextgen::owned)(String::from("owned"), n));
            drive_with!(
                |a| g.as_mut().resume(a),
                GeneratorState::Yielded,
                GeneratorState::Returned,
                unit
            )
        }
        pub fn running_total(n: u64) -> u64 {
            mk_gen!(let mut g = (crate::workloads::nextgen::running_total)(n));
            drive_with!(
                |a| g.as_mut().resume(a),
                GeneratorState::Yielded,
                GeneratorState::Returned,
                send
            )
        }
    }

    pub mod coro {
        use corosensei::CoroutineResult::{Return, Yield};
        macro_rules! unit {
            ($($name:ident),*) => {$(
                pub fn $name(n: u64) -> u64 {
                    let mut g = super::super::coro::$name(n);
                    drive_with!(|a| g.resume(a), Yield, Return, unit)
                }
            )*};
        }
        use super::drive_with;
        unit!(counter, owned, nested, grid, large_state, fib);
        pub fn running_total(n: u64) -> u64 {
            let mut g = super::super::coro::running_total(n);
            drive_with!(|a| g.resume(a), Yield, Return, send)
        }
        pub fn chain(depth: u32, n: u64) -> u64 {
            let mut g = super::super::coro::chain(depth, n);
            drive_with!(|a| g.resume(a), Yield, Return, unit)
        }
    }
}
