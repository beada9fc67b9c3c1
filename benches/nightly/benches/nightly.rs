//! Nightly coroutines (`#[coroutine]` closures, `Coroutine<R>`) and `gen` blocks (RFC 3513)
//! beside the hand-written limit and ours, in the same criterion groups as
//! `benches/benches/generators.rs` (same workloads, same drivers, same sizes). The ratios to
//! hand-written measured here are what BENCHMARKS.md reports for the nightly columns.
#![feature(coroutines, coroutine_trait, gen_blocks)]

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use std::hint::black_box;
use std::ops::{Coroutine, CoroutineState};
use std::pin::Pin;
use std::time::Duration;

#[path = "../../common/workloads.rs"]
#[allow(unused_imports, unused_macros)]
mod workloads;
use workloads::{drive::*, *};

const WORDS: usize = workloads::WORDS;
const COUNTER_N: u64 = 1024;
const NESTED_N: u64 = 64;
const RUNNING_N: u64 = 1024;
const LARGE_N: u64 = 1024;
const FIB_N: u64 = 1_000_000;
const CHAIN_N: u64 = 1024;

/// Nightly `#[coroutine]` closures (movable, so `Unpin`: driven through `Pin::new`).
mod co {
    use super::*;

    pub fn counter(n: u64) -> impl Coroutine<Yield = u64, Return = u64> + Unpin {
        #[coroutine]
        move || {
            for i in 0..n {
                yield i;
            }
            n
        }
    }
    pub fn nested(n: u64) -> impl Coroutine<Yield = u64, Return = ()> + Unpin {
        #[coroutine]
        move || {
            for i in 0..n {
                for j in 0..i {
                    yield i ^ j;
                }
            }
        }
    }
    pub fn grid(n: u64) -> impl Coroutine<Yield = u64, Return = ()> + Unpin {
        #[coroutine]
        move || {
            for i in 0..n {
                for j in 0..n {
                    yield i * n + j;
                }
            }
        }
    }
    /// The first resume value is bound to the closure parameter; the body ignores it, as the
    /// other implementations' first step takes no value.
    pub fn running_total(n: u64) -> impl Coroutine<u64, Yield = u64, Return = u64> + Unpin {
        #[coroutine]
        move |_first: u64| {
            let mut total = 0;
            for _ in 0..n {
                total += yield total;
            }
            total
        }
    }
    pub fn large_state(n: u64) -> impl Coroutine<Yield = u64, Return = u64> + Unpin {
        #[coroutine]
        move || {
            let mut buf = [0u64; WORDS];
            for i in 0..n {
                buf[(i % WORDS as u64) as usize] += i;
                yield buf[((i + 1) % WORDS as u64) as usize];
            }
            buf.iter().sum()
        }
    }
    pub fn fib(n: u64) -> impl Coroutine<Yield = u64, Return = ()> + Unpin {
        #[coroutine]
        move || {
            let (mut a, mut b) = (0u64, 1u64);
            for _ in 0..n {
                yield a;
                (a, b) = (b, a.wrapping_add(b));
            }
        }
    }
    /// No yield-from: delegation is the hand-written re-yield loop.
    macro_rules! level {
        ($($name:ident => $inner:ident),* $(,)?) => {$(
            pub fn $name(n: u64) -> impl Coroutine<Yield = u64, Return = u64> + Unpin {
                #[coroutine]
                move || {
                    let mut inner = $inner(n);
                    let r = loop {
                        match Pin::new(&mut inner).resume(()) {
                            CoroutineState::Yielded(v) => yield v,
                            CoroutineState::Complete(r) => break r,
                        }
                    };
                    r + 1
                }
            }
        )*};
    }
    level!(
        chain1 => counter, chain2 => chain1, chain3 => chain2, chain4 => chain3,
        chain5 => chain4, chain6 => chain5, chain7 => chain6, chain8 => chain7,
        chain9 => chain8, chain10 => chain9, chain11 => chain10, chain12 => chain11,
        chain13 => chain12, chain14 => chain13, chain15 => chain14, chain16 => chain15,
    );

    #[inline(always)]
    pub fn drive<C: Coroutine<Yield = u64> + Unpin>(mut c: C) -> u64
    where
        C::Return: Check,
    {
        let mut sum = 0u64;
        loop {
            match Pin::new(&mut c).resume(()) {
                CoroutineState::Yielded(v) => sum = sum.wrapping_add(black_box(v)),
                CoroutineState::Complete(r) => return sum.wrapping_add(r.check()),
            }
        }
    }
    #[inline(always)]
    pub fn drive_send<C: Coroutine<u64, Yield = u64, Return = u64> + Unpin>(mut c: C) -> u64 {
        let mut sum = 0u64;
        let mut k = 0u64;
        loop {
            match Pin::new(&mut c).resume(black_box(k)) {
                CoroutineState::Yielded(v) => sum = sum.wrapping_add(black_box(v)),
                CoroutineState::Complete(r) => return sum.wrapping_add(r),
            }
            k += 1;
        }
    }
}

/// Nightly `gen` blocks: Iterators, so no resume values (running_total has no cell) and no
/// return value (the driver adds the value the others return, so checksums agree).
mod gb {
    use super::*;

    pub fn counter(n: u64) -> impl Iterator<Item = u64> {
        gen move {
            for i in 0..n {
                yield i;
            }
        }
    }
    pub fn nested(n: u64) -> impl Iterator<Item = u64> {
        gen move {
            for i in 0..n {
                for j in 0..i {
                    yield i ^ j;
                }
            }
        }
    }
    pub fn grid(n: u64) -> impl Iterator<Item = u64> {
        gen move {
            for i in 0..n {
                for j in 0..n {
                    yield i * n + j;
                }
            }
        }
    }
    /// The return value of the others (`buf.iter().sum()`) cannot be returned from a `gen`
    /// block; it is not needed for timing, the checksum test skips this one.
    pub fn large_state(n: u64) -> impl Iterator<Item = u64> {
        gen move {
            let mut buf = [0u64; WORDS];
            for i in 0..n {
                buf[(i % WORDS as u64) as usize] += i;
                yield buf[((i + 1) % WORDS as u64) as usize];
            }
        }
    }
    pub fn fib(n: u64) -> impl Iterator<Item = u64> {
        gen move {
            let (mut a, mut b) = (0u64, 1u64);
            for _ in 0..n {
                yield a;
                (a, b) = (b, a.wrapping_add(b));
            }
        }
    }
    /// Delegation is `for v in inner { yield v }`; the return value is not expressible.
    macro_rules! level {
        ($($name:ident => $inner:ident),* $(,)?) => {$(
            pub fn $name(n: u64) -> impl Iterator<Item = u64> {
                gen move {
                    for v in $inner(n) {
                        yield v;
                    }
                }
            }
        )*};
    }
    level!(
        chain1 => counter, chain2 => chain1, chain3 => chain2, chain4 => chain3,
        chain5 => chain4, chain6 => chain5, chain7 => chain6, chain8 => chain7,
        chain9 => chain8, chain10 => chain9, chain11 => chain10, chain12 => chain11,
        chain13 => chain12, chain14 => chain13, chain15 => chain14, chain16 => chain15,
    );

    #[inline(always)]
    pub fn drive(mut it: impl Iterator<Item = u64>, ret: u64) -> u64 {
        let mut sum = 0u64;
        while let Some(v) = it.next() {
            sum = sum.wrapping_add(black_box(v));
        }
        sum.wrapping_add(ret)
    }
}

fn check_agreement() {
    assert_eq!(co::drive(co::counter(9)), gen_unit(hand::counter(9)));
    assert_eq!(gb::drive(gb::counter(9), 9), gen_unit(hand::counter(9)));
    assert_eq!(co::drive(co::nested(5)), gen_unit(hand::nested(5)));
    assert_eq!(gb::drive(gb::nested(5), 0), gen_unit(hand::nested(5)));
    assert_eq!(co::drive(co::grid(5)), gen_unit(hand::grid(5)));
    assert_eq!(gb::drive(gb::grid(5), 0), gen_unit(hand::grid(5)));
    assert_eq!(
        co::drive_send(co::running_total(50)),
        gen_send(hand::running_total(50))
    );
    assert_eq!(
        co::drive(co::large_state(99)),
        gen_unit(hand::large_state(99))
    );
    assert_eq!(co::drive(co::fib(90)), gen_unit(hand::fib(90)));
    assert_eq!(gb::drive(gb::fib(90), 0), gen_unit(hand::fib(90)));
    assert_eq!(co::drive(co::chain16(20)), gen_unit(hand::chain16(20)));
    assert_eq!(
        gb::drive(gb::chain16(20), 20 + 16),
        gen_unit(hand::chain16(20))
    );
}

/// One cell of a group: the implementation's name and one full drive.
type Cell = (&'static str, fn(u64) -> u64);

fn group(c: &mut Criterion, name: &str, n: u64, items: u64, cells: &[Cell]) {
    let mut g = c.benchmark_group(name);
    g.throughput(Throughput::Elements(items));
    if items > 100_000 {
        g.sampling_mode(SamplingMode::Flat);
    }
    for (id, f) in cells {
        g.bench_function(*id, |b| b.iter(|| f(black_box(n))));
    }
    g.finish();
}

fn all(c: &mut Criterion) {
    check_agreement();
    group(
        c,
        "counter",
        COUNTER_N,
        COUNTER_N,
        &[
            ("hand-written", |n| gen_unit(hand::counter(n))),
            ("ours", |n| gen_unit(ours::counter(n))),
            ("nightly-coroutine", |n| co::drive(co::counter(n))),
            ("nightly-gen-block", |n| gb::drive(gb::counter(n), n)),
        ],
    );
    group(
        c,
        "nested",
        NESTED_N,
        NESTED_N * (NESTED_N - 1) / 2,
        &[
            ("hand-written", |n| gen_unit(hand::nested(n))),
            ("ours", |n| gen_unit(ours::nested(n))),
            ("nightly-coroutine", |n| co::drive(co::nested(n))),
            ("nightly-gen-block", |n| gb::drive(gb::nested(n), 0)),
        ],
    );
    group(
        c,
        "grid",
        NESTED_N,
        NESTED_N * NESTED_N,
        &[
            ("hand-written", |n| gen_unit(hand::grid(n))),
            ("ours", |n| gen_unit(ours::grid(n))),
            ("nightly-coroutine", |n| co::drive(co::grid(n))),
            ("nightly-gen-block", |n| gb::drive(gb::grid(n), 0)),
        ],
    );
    group(
        c,
        "running_total",
        RUNNING_N,
        RUNNING_N,
        &[
            ("hand-written", |n| gen_send(hand::running_total(n))),
            ("ours", |n| gen_send(ours::running_total(n))),
            ("nightly-coroutine", |n| {
                co::drive_send(co::running_total(n))
            }),
        ],
    );
    group(
        c,
        "large_state",
        LARGE_N,
        LARGE_N,
        &[
            ("hand-written", |n| gen_unit(hand::large_state(n))),
            ("ours", |n| gen_unit(ours::large_state(n))),
            ("nightly-coroutine", |n| co::drive(co::large_state(n))),
            ("nightly-gen-block", |n| gb::drive(gb::large_state(n), 0)),
        ],
    );
    group(
        c,
        "fib",
        FIB_N,
        FIB_N,
        &[
            ("hand-written", |n| gen_unit(hand::fib(n))),
            ("ours", |n| gen_unit(ours::fib(n))),
            ("nightly-coroutine", |n| co::drive(co::fib(n))),
            ("nightly-gen-block", |n| gb::drive(gb::fib(n), 0)),
        ],
    );

    let mut g = c.benchmark_group("yield_from");
    g.throughput(Throughput::Elements(CHAIN_N));
    type Cells = [Cell; 4];
    let depths: [(u32, Cells); 3] = [
        (
            1,
            [
                ("hand-written", |n| gen_unit(hand::chain1(n))),
                ("ours", |n| gen_unit(ours::chain1(n))),
                ("nightly-coroutine", |n| co::drive(co::chain1(n))),
                ("nightly-gen-block", |n| gb::drive(gb::chain1(n), n + 1)),
            ],
        ),
        (
            4,
            [
                ("hand-written", |n| gen_unit(hand::chain4(n))),
                ("ours", |n| gen_unit(ours::chain4(n))),
                ("nightly-coroutine", |n| co::drive(co::chain4(n))),
                ("nightly-gen-block", |n| gb::drive(gb::chain4(n), n + 4)),
            ],
        ),
        (
            16,
            [
                ("hand-written", |n| gen_unit(hand::chain16(n))),
                ("ours", |n| gen_unit(ours::chain16(n))),
                ("nightly-coroutine", |n| co::drive(co::chain16(n))),
                ("nightly-gen-block", |n| gb::drive(gb::chain16(n), n + 16)),
            ],
        ),
    ];
    for (depth, cells) in depths {
        for (id, f) in cells {
            g.bench_with_input(BenchmarkId::new(id, depth), &CHAIN_N, |b, &n| {
                b.iter(|| f(black_box(n)))
            });
        }
    }
    g.finish();

    sizes();
}

/// `size_of_val` of the nightly generator types, printed once.
fn sizes() {
    use std::mem::size_of_val;
    println!(
        "sizes (bytes): counter co {} gen {}; nested co {} gen {}; grid co {} gen {}; running_total co {}; large_state co {} gen {}; fib co {} gen {}; chain1 co {} gen {}; chain4 co {} gen {}; chain16 co {} gen {}",
        size_of_val(&co::counter(1)),
        size_of_val(&gb::counter(1)),
        size_of_val(&co::nested(1)),
        size_of_val(&gb::nested(1)),
        size_of_val(&co::grid(1)),
        size_of_val(&gb::grid(1)),
        size_of_val(&co::running_total(1)),
        size_of_val(&co::large_state(1)),
        size_of_val(&gb::large_state(1)),
        size_of_val(&co::fib(1)),
        size_of_val(&gb::fib(1)),
        size_of_val(&co::chain1(1)),
        size_of_val(&gb::chain1(1)),
        size_of_val(&co::chain4(1)),
        size_of_val(&gb::chain4(1)),
        size_of_val(&co::chain16(1)),
        size_of_val(&gb::chain16(1)),
    );
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .measurement_time(Duration::from_secs(1))
        .warm_up_time(Duration::from_millis(300))
}

criterion_group! {
    name = benches;
    config = config();
    targets = all
}
criterion_main!(benches);
