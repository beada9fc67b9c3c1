//! One contender of the scheduler or actor benchmark, run once, for `perf stat`: CPU cycles
//! and instructions per switch or message vary far less with the machine's load than
//! criterion's wall time. `benches/cycles.sh` runs every contender and prints the table.
//!
//! ```text
//! cargo run --release -p gen-benches --example cycles -- switch 1000x10000 generator
//! cargo run --release -p gen-benches --example cycles -- switch 1000x1000 generator 20
//! cargo run --release -p gen-benches --example cycles -- actors 10000000 addr
//! cargo run --release -p gen-benches --example cycles -- generator nested 10000 ours
//! ```
//!
//! It prints the number of units (switches or messages), which the script divides by.
#[path = "../common/actors.rs"]
mod actors;
#[path = "../common/switches.rs"]
mod switches;
#[path = "../common/workloads.rs"]
mod workloads;

use std::hint::black_box;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match run(&args) {
        Ok(units) => {
            println!("{units}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            eprintln!(
                "usage: cycles switch TASKSxYIELDS (limit|generator|detached|hand) [ROUNDS]\n       \
                 cycles actors FROM (limit|boxed_floor|addr|name)\n       \
                 cycles generator (counter|owned|nested|grid|running_total|fib|chain1|chain4|chain16|short1|short4|short16) ITERATIONS (hand|ours|literal|out_of_line|at_position|escaping)"
            );
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[&str]) -> Result<u64, String> {
    match args {
        ["switch", shape, variant, rounds @ ..] => {
            // Rounds after the first spawn into memory the previous round freed, as criterion's
            // iterations do.
            let rounds: u32 = match rounds {
                [] => 1,
                [rounds] => rounds
                    .parse()
                    .map_err(|_| format!("not a count: {rounds}"))?,
                _ => return Err("too many arguments".to_owned()),
            };
            let (tasks, yields) = shape
                .split_once('x')
                .and_then(|(t, y)| Some((t.parse::<u32>().ok()?, y.parse::<u32>().ok()?)))
                .ok_or_else(|| format!("not a shape: {shape}"))?;
            let contender = match *variant {
                "limit" => switches::limit,
                "generator" => switches::ours_generator,
                "detached" => switches::ours_generator_detached,
                "hand" => switches::ours_hand,
                other => return Err(format!("no such contender: {other}")),
            };
            for _ in 0..rounds {
                contender(tasks, yields);
            }
            Ok(u64::from(tasks) * u64::from(yields) * u64::from(rounds))
        }
        ["actors", from, variant] => {
            let from: u64 = from.parse().map_err(|_| format!("not a count: {from}"))?;
            let (delivered, total) = match *variant {
                "limit" => actors::limit::run(from),
                "boxed_floor" => actors::boxed_floor::run(from),
                "addr" => actors::ours::run(from, false),
                "name" => actors::ours::run(from, true),
                other => return Err(format!("no such contender: {other}")),
            };
            // The same work as every other contender, or the figure means nothing.
            if (delivered, total) != (2 * from + 1, from * (from + 1) / 2) {
                return Err(format!(
                    "{variant} delivered {delivered} messages totalling {total}"
                ));
            }
            Ok(delivered)
        }
        ["generator", workload, iterations, variant] => {
            let iterations: u64 = iterations
                .parse()
                .map_err(|_| format!("not a count: {iterations}"))?;
            generator_items(workload, variant, iterations)
        }
        _ => Err("unknown arguments".to_owned()),
    }
}

/// Drives a generator workload of the generator benchmark `iterations` times, as one cell of
/// it does; returns the number of items.
fn generator_items(workload: &str, variant: &str, iterations: u64) -> Result<u64, String> {
    /// `CHAIN_SHORT_N` of the generator bench.
    const SHORT_N: u64 = 4;
    use workloads::drive::{gen_send, gen_unit};
    use workloads::{hand, ours};
    // The bench's sizes (`benches/generators.rs`), passed opaque to the optimiser as there.
    let (run, size): (fn(u64) -> u64, u64) = match (workload, variant) {
        ("counter", "hand") => (|n| gen_unit(hand::counter(n)), 1024),
        ("counter", "ours") => (|n| gen_unit(ours::counter(n)), 1024),
        ("owned", "hand") => (|n| gen_unit(hand::owned(n)), 1024),
        ("owned", "ours") => (|n| gen_unit(ours::owned(n)), 1024),
        ("nested", "hand") => (|n| gen_unit(hand::nested(n)), 64),
        ("nested", "ours") => (|n| gen_unit(ours::nested(n)), 64),
        ("grid", "hand") => (|n| gen_unit(hand::grid(n)), 64),
        ("grid", "ours") => (|n| gen_unit(ours::grid(n)), 64),
        ("grid", "literal") => (|n| gen_unit(hand::grid_literal(n)), 64),
        ("running_total", "hand") => (|n| gen_send(hand::running_total(n)), 1024),
        ("running_total", "ours") => (|n| gen_send(ours::running_total(n)), 1024),
        ("fib", "hand") => (|n| gen_unit(hand::fib(n)), 1_000_000),
        ("fib", "ours") => (|n| gen_unit(ours::fib(n)), 1_000_000),
        ("counter", "out_of_line") => (|n| gen_unit(hand::counter_out_of_line(n)), 1024),
        ("counter", "at_position") => (|n| gen_unit(hand::counter_at_run_time_position(n)), 1024),
        ("counter", "escaping") => (|n| gen_unit(hand::counter_escaping(n)), 1024),
        ("chain1", "hand") => (|n| gen_unit(hand::chain1(n)), 1024),
        ("chain1", "ours") => (|n| gen_unit(ours::chain1(n)), 1024),
        ("chain4", "hand") => (|n| gen_unit(hand::chain4(n)), 1024),
        ("chain4", "ours") => (|n| gen_unit(ours::chain4(n)), 1024),
        ("chain16", "hand") => (|n| gen_unit(hand::chain16(n)), 1024),
        ("chain16", "ours") => (|n| gen_unit(ours::chain16(n)), 1024),
        // Short chains: creating and finishing the chain is most of the work.
        ("short1", "hand") => (|n| gen_unit(hand::chain1(n)), SHORT_N),
        ("short1", "ours") => (|n| gen_unit(ours::chain1(n)), SHORT_N),
        ("short4", "hand") => (|n| gen_unit(hand::chain4(n)), SHORT_N),
        ("short4", "ours") => (|n| gen_unit(ours::chain4(n)), SHORT_N),
        ("short16", "hand") => (|n| gen_unit(hand::chain16(n)), SHORT_N),
        ("short16", "ours") => (|n| gen_unit(ours::chain16(n)), SHORT_N),
        _ => {
            return Err(format!(
                "no such workload or contender: {workload} {variant}"
            ));
        }
    };
    let items = match workload {
        "nested" => size * (size - 1) / 2,
        "grid" => size * size,
        _ => size,
    };
    let mut checksum = 0u64;
    for _ in 0..iterations {
        checksum = checksum.wrapping_add(black_box(run(black_box(size))));
    }
    // Every contender of a workload computes the same checksum; keep it observable.
    eprintln!("checksum {checksum}");
    Ok(iterations * items)
}
