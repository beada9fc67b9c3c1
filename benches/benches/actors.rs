//! Seed 002's counter/printer, counting down from `FROM`: 2 × FROM + 1 messages per run.
//! Reported per message (criterion's throughput is set to the message count).
//!
//! - `limit`: a hand-written `VecDeque` loop over hand-written state machines, statically
//!   dispatched: what the actor scheduler does with everything generic inlined away.
//! - `boxed_floor`: the limit's state machines behind `Box<dyn ..>`, fed from a shared
//!   `Rc<RefCell<VecDeque>>` in batches as `ActorScheduler` does: the floor for any scheduler
//!   that stores actors of different types behind a box (no names, stats or panic isolation).
//! - `gen_core_addr`: `ActorScheduler`, `#[generator]` actors sending by address.
//! - `gen_core_name`: the same, sending by name as in the seed (a hash lookup per send).
//! - `tokio_mpsc`: two tokio tasks over unbounded mpsc channels on a current-thread runtime.
//!
//! `cargo bench -p gen-benches --bench actors`; results in BENCHMARKS.md.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const FROM: u64 = 1_000_000;
const MESSAGES: u64 = 2 * FROM + 1;

#[path = "../common/actors.rs"]
mod contenders;

use contenders::{boxed_floor, limit, ours};

mod peer {
    use tokio::sync::mpsc::unbounded_channel;

    pub async fn run(from: u64) -> (u64, u64) {
        let (printer_tx, mut printer_rx) = unbounded_channel::<u64>();
        let (counter_tx, mut counter_rx) = unbounded_channel::<u64>();
        let to_self = counter_tx.clone();
        let printer = tokio::spawn(async move {
            let (mut delivered, mut total) = (0, 0);
            while let Some(msg) = printer_rx.recv().await {
                delivered += 1;
                total += msg;
            }
            (delivered, total)
        });
        let counter = tokio::spawn(async move {
            let mut delivered = 0;
            while let Some(n) = counter_rx.recv().await {
                delivered += 1;
                if n == 0 {
                    break;
                }
                printer_tx.send(n).unwrap();
                to_self.send(n - 1).unwrap();
            }
            delivered // dropping the senders ends the printer
        });
        counter_tx.send(from).unwrap();
        drop(counter_tx);
        let counted = counter.await.unwrap();
        let (printed, total) = printer.await.unwrap();
        (counted + printed, total)
    }
}

fn check(result: (u64, u64)) {
    assert_eq!(result, (MESSAGES, FROM * (FROM + 1) / 2));
}

fn actors(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    // Each variant must do the same work before it is timed.
    check(limit::run(FROM));
    check(boxed_floor::run(FROM));
    check(ours::run(FROM, false));
    check(ours::run(FROM, true));
    check(runtime.block_on(peer::run(FROM)));

    let mut group = c.benchmark_group("actors_counter_printer_1e6");
    group.throughput(Throughput::Elements(MESSAGES));
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(3));
    group.bench_function("limit", |b| b.iter(|| limit::run(black_box(FROM))));
    group.bench_function("boxed_floor", |b| {
        b.iter(|| boxed_floor::run(black_box(FROM)))
    });
    group.bench_function("gen_core_addr", |b| {
        b.iter(|| ours::run(black_box(FROM), false))
    });
    group.bench_function("gen_core_name", |b| {
        b.iter(|| ours::run(black_box(FROM), true))
    });
    group.bench_function("tokio_mpsc", |b| {
        b.iter(|| runtime.block_on(peer::run(black_box(FROM))))
    });
    group.finish();
}

criterion_group!(benches, actors);
criterion_main!(benches);
