//! The tour: every demo of the seed documents, in order, with short headings. Each demo is
//! also an example of its own (`cargo run --example fib`, ...).

#[path = "fib.rs"]
mod fib;
#[path = "generator_basics.rs"]
mod generator_basics;
#[path = "lucas_islice.rs"]
mod lucas_islice;
#[path = "times2.rs"]
mod times2;

fn heading(title: &str) {
    println!("\n=== {title} ===");
}

fn main() {
    heading("fib: a list versus an infinite generator (seed 001)");
    fib::run();
    heading("generator basics: execution flow, exhaustion, odd_till (seed 002)");
    generator_basics::run();
    heading("lucas and islice (seed 003)");
    lucas_islice::run();
    heading("send: times2 (seed 002)");
    times2::run();
}
