//! Prints `size_of_val` of each implementation's generator, per workload, in bytes, as a
//! markdown table for BENCHMARKS.md. Run: `cargo bench --bench sizes` (a bench target, so that
//! `cargo bench` prints it with the timings; it times nothing).
//!
//! next-gen: the pinned `GeneratorFn`, which holds the generator's future inline.
//! genawaiter rc: the inline handle only (the future lives in a heap allocation; its size is
//! not observable through the API). genawaiter stack pins its state on the caller's stack
//! inside a macro and is not measured here. corosensei: the handle; each coroutine also owns
//! a separately mapped stack (1 MiB by default).
#[path = "../common/workloads.rs"]
mod workloads;
use next_gen::prelude::*;
use std::mem::size_of_val as sz;
use workloads::*;

/// The sizes of one workload's generators, in the table's column order. `$coro` builds the
/// corosensei coroutine (its chains take the depth as an argument).
macro_rules! sizes {
    ($name:ident, $coro:expr) => {{
        mk_gen!(let next = (workloads::nextgen::$name)(1));
        [
            sz(&hand::$name(1)),
            sz(&ours::$name(1)),
            sz(&diapause_impl::$name(1)),
            sz(&*next),
            sz(&$coro),
        ]
    }};
}

fn main() {
    let rows: [(&str, [usize; 5]); 10] = [
        ("counter", sizes!(counter, coro::counter(1))),
        // The label is an argument of the generators that cannot make it themselves.
        ("owned", {
            mk_gen!(let next = (workloads::nextgen::owned)(String::new(), 1));
            [
                sz(&hand::owned(1)),
                sz(&ours::owned(1)),
                sz(&diapause_impl::owned(String::new(), 1)),
                sz(&*next),
                sz(&coro::owned(1)),
            ]
        }),
        ("nested", sizes!(nested, coro::nested(1))),
        ("grid", sizes!(grid, coro::grid(1))),
        (
            "running_total",
            sizes!(running_total, coro::running_total(1)),
        ),
        ("large_state", sizes!(large_state, coro::large_state(1))),
        ("fib", sizes!(fib, coro::fib(1))),
        ("yield_from depth 1", sizes!(chain1, coro::chain(1, 1))),
        ("yield_from depth 4", sizes!(chain4, coro::chain(4, 1))),
        ("yield_from depth 16", sizes!(chain16, coro::chain(16, 1))),
    ];
    let rc = sz(&genawaiter::rc::Gen::new(|co| ga::rc::counter(co, 1)));
    println!("| workload | hand-written | ours | diapause | next-gen | corosensei (handle) |");
    println!("|---|---|---|---|---|---|");
    for (name, cells) in rows {
        let cells: Vec<String> = cells.iter().map(ToString::to_string).collect();
        println!("| {name} | {} |", cells.join(" | "));
    }
    println!("\ngenawaiter rc handle (every workload): {rc} bytes + a heap-allocated future");
}
