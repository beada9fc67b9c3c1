//! Nanoseconds per task switch, round-robin over N tasks that each yield M times:
//!
//! - `limit`: a hand-written scheduler (`VecDeque<Box<dyn Machine>>`) over boxed hand-written
//!   state machines: the least a boxed round-robin can cost;
//! - `gen_core/generator`: `gen_core::scheduler::Scheduler` with `#[generator]` tasks;
//! - `gen_core/detached`: the same, spawned without handles (`spawn_detached`: one
//!   allocation per task instead of two), as the limit's tasks have none;
//! - `gen_core/hand`: the same scheduler with hand-written `Generator` tasks (separates the
//!   scheduler's cost from the macro's);
//! - `tokio`: tokio's current-thread runtime, tasks looping on `yield_now().await`.
//!
//! Each iteration spawns the N tasks and runs them to completion (spawning is included for
//! every contender). Throughput is in switches (N x M), so criterion reports the time per
//! switch. `cargo bench --bench scheduler` takes about two minutes.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// (tasks, yields per task): few tasks with long lives, and the 100,000 tasks /
/// 10 million switches.
const SHAPES: [(u32, u32); 2] = [(1_000, 1_000), (100_000, 100)];

#[path = "../common/switches.rs"]
mod switches;

use switches::{limit, ours_generator, ours_generator_detached, ours_hand};

// --- tokio ------------------------------------------------------------------------------------

fn tokio_current_thread(runtime: &tokio::runtime::Runtime, tasks: u32, yields: u32) {
    runtime.block_on(async {
        let handles: Vec<_> = (0..tasks)
            .map(|_| {
                let yields = black_box(yields);
                tokio::spawn(async move {
                    for _ in 0..yields {
                        tokio::task::yield_now().await;
                    }
                })
            })
            .collect();
        for handle in handles {
            handle.await.unwrap();
        }
    });
}

fn switches(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    for (tasks, yields) in SHAPES {
        let mut group = c.benchmark_group(format!("switch/{tasks}x{yields}"));
        group.throughput(Throughput::Elements(u64::from(tasks) * u64::from(yields)));
        group.sample_size(10);
        group.warm_up_time(Duration::from_secs(1));
        group.measurement_time(Duration::from_secs(4));
        let shape = format!("{tasks}x{yields}");
        group.bench_with_input(BenchmarkId::new("limit", &shape), &(), |b, ()| {
            b.iter(|| limit(tasks, yields))
        });
        group.bench_with_input(
            BenchmarkId::new("gen_core/generator", &shape),
            &(),
            |b, ()| b.iter(|| ours_generator(tasks, yields)),
        );
        group.bench_with_input(
            BenchmarkId::new("gen_core/detached", &shape),
            &(),
            |b, ()| b.iter(|| ours_generator_detached(tasks, yields)),
        );
        group.bench_with_input(BenchmarkId::new("gen_core/hand", &shape), &(), |b, ()| {
            b.iter(|| ours_hand(tasks, yields))
        });
        group.bench_with_input(BenchmarkId::new("tokio", &shape), &(), |b, ()| {
            b.iter(|| tokio_current_thread(&runtime, tasks, yields))
        });
        group.finish();
    }
}

criterion_group!(benches, switches);
criterion_main!(benches);
