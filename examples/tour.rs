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

#[path = "actors.rs"]
mod actors;
#[path = "async_map.rs"]
mod async_map;
#[path = "async_search.rs"]
mod async_search;
#[path = "print_matches.rs"]
mod print_matches;
#[path = "producer_consumer.rs"]
mod producer_consumer;
#[path = "task_scheduler.rs"]
mod task_scheduler;

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
    heading("a task scheduler: odd_till and even_till interleaved (seed 002)");
    task_scheduler::run();
    heading("async_map: two tasks on the deque scheduler (seed 000)");
    async_map::run();
    heading("async_search: the found value is the return value (seed 003)");
    async_search::run();
    heading("print_matches: a blocking predicate starves, yield_from! does not (seed 003)");
    print_matches::run();
    heading("producer and consumer over a queue (seed 004)");
    producer_consumer::run();
    heading("actors: printer and counter, past any recursion limit (seed 002)");
    actors::run().expect("the actor demo runs");
}
