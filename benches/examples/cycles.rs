//! One contender of the scheduler or actor benchmark, run once, for `perf stat`: CPU cycles
//! and instructions per switch or message vary far less with the machine's load than
//! criterion's wall time. `benches/cycles.sh` runs every contender and prints the table.
//!
//! ```text
//! cargo run --release -p gen-benches --example cycles -- switch 1000x10000 generator
//! cargo run --release -p gen-benches --example cycles -- actors 10000000 addr
//! ```
//!
//! It prints the number of units (switches or messages), which the script divides by.
#[path = "../common/actors.rs"]
mod actors;
#[path = "../common/switches.rs"]
mod switches;

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
                "usage: cycles switch TASKSxYIELDS (limit|generator|hand)\n       \
                 cycles actors FROM (limit|boxed_floor|addr|name)"
            );
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[&str]) -> Result<u64, String> {
    match args {
        ["switch", shape, variant] => {
            let (tasks, yields) = shape
                .split_once('x')
                .and_then(|(t, y)| Some((t.parse::<u32>().ok()?, y.parse::<u32>().ok()?)))
                .ok_or_else(|| format!("not a shape: {shape}"))?;
            let contender = match *variant {
                "limit" => switches::limit,
                "generator" => switches::ours_generator,
                "hand" => switches::ours_hand,
                other => return Err(format!("no such contender: {other}")),
            };
            contender(tasks, yields);
            Ok(u64::from(tasks) * u64::from(yields))
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
        _ => Err("unknown arguments".to_owned()),
    }
}
