//! Prints `size_of_val` of each implementation's generator, per workload, in bytes, as a
//! markdown table for BENCHMARKS.md. Run: `cargo bench --bench sizes` (a bench target, so that
//! `cargo bench` prints it with the timings; it times nothing).
//!
//! genawaiter rc: the inline handle only (the future lives in a heap allocation; its size is
//! not observable through the API). genawaiter stack and next-gen pin their state on the
//! caller's stack inside macros and are not measured here. corosensei: the handle; each
//! coroutine also owns a separately mapped stack (1 MiB by default).
#[path = "../common/workloads.rs"]
mod workloads;
use std::mem::size_of_val as sz;
use workloads::*;

fn main() {
    let rows: Vec<(&str, [Option<usize>; 4])> = vec![
        (
            "counter",
            [
                Some(sz(&hand::counter(1))),
                Some(sz(&ours::counter(1))),
                Some(sz(&diapause_impl::counter(1))),
                Some(sz(&coro::counter(1))),
            ],
        ),
        (
            "nested",
            [
                Some(sz(&hand::nested(1))),
                Some(sz(&ours::nested(1))),
                Some(sz(&diapause_impl::nested(1))),
                Some(sz(&coro::nested(1))),
            ],
        ),
        (
            "grid",
            [
                Some(sz(&hand::grid(1))),
                Some(sz(&ours::grid(1))),
                Some(sz(&diapause_impl::grid(1))),
                Some(sz(&coro::grid(1))),
            ],
        ),
        (
            "running_total",
            [
                Some(sz(&hand::running_total(1))),
                Some(sz(&ours::running_total(1))),
                Some(sz(&diapause_impl::running_total(1))),
                Some(sz(&coro::running_total(1))),
            ],
        ),
        (
            "large_state",
            [
                Some(sz(&hand::large_state(1))),
                Some(sz(&ours::large_state(1))),
                Some(sz(&diapause_impl::large_state(1))),
                Some(sz(&coro::large_state(1))),
            ],
        ),
        (
            "fib",
            [
                Some(sz(&hand::fib(1))),
                Some(sz(&ours::fib(1))),
                Some(sz(&diapause_impl::fib(1))),
                Some(sz(&coro::fib(1))),
            ],
        ),
        (
            "yield_from depth 1",
            [
                Some(sz(&hand::chain1(1))),
                Some(sz(&ours::chain1(1))),
                Some(sz(&diapause_impl::chain1(1))),
                Some(sz(&coro::chain(1, 1))),
            ],
        ),
        (
            "yield_from depth 4",
            [
                Some(sz(&hand::chain4(1))),
                Some(sz(&ours::chain4(1))),
                Some(sz(&diapause_impl::chain4(1))),
                Some(sz(&coro::chain(4, 1))),
            ],
        ),
        (
            "yield_from depth 16",
            [
                Some(sz(&hand::chain16(1))),
                Some(sz(&ours::chain16(1))),
                Some(sz(&diapause_impl::chain16(1))),
                Some(sz(&coro::chain(16, 1))),
            ],
        ),
    ];
    let rc = sz(&genawaiter::rc::Gen::new(|co| ga::rc::counter(co, 1)));
    println!("| workload | hand-written | ours | diapause | corosensei (handle) |");
    println!("|---|---|---|---|---|");
    for (name, cells) in rows {
        let cells: Vec<String> = cells
            .iter()
            .map(|c| c.map_or("-".into(), |v| v.to_string()))
            .collect();
        println!("| {name} | {} |", cells.join(" | "));
    }
    println!("\ngenawaiter rc handle (every workload): {rc} bytes + a heap-allocated future");
}
