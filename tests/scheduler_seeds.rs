//! The seeds' scheduler demos, with their interleavings asserted exactly.

use std::cell::RefCell;
use std::rc::Rc;

use gen_core::prelude::*;
use gen_core::scheduler::{Scheduler, TaskError, ignore_yields};

type Log = Rc<RefCell<Vec<String>>>;

fn log() -> Log {
    Rc::new(RefCell::new(Vec::new()))
}

// Seed 002: odd_till / even_till with prints, run by the TaskScheduler.
#[generator]
fn odd_till(number: u32, out: Log) -> impl Generator<Yield = u32, Return = ()> {
    let mut n = 1;
    while n < number {
        out.borrow_mut().push(format!("{number} odd_till - {n}"));
        r#yield!(n);
        n += 2;
    }
}

#[generator]
fn even_till(number: u32, out: Log) -> impl Generator<Yield = u32, Return = ()> {
    let mut n = 2;
    while n < number {
        out.borrow_mut().push(format!("{number} even_till - {n}"));
        r#yield!(n);
        n += 2;
    }
}

#[test]
fn odd_till_even_till_interleave_as_in_the_slides() {
    let out = log();
    let mut scheduler = Scheduler::new();
    scheduler.spawn(ignore_yields(odd_till(5, out.clone())));
    scheduler.spawn(ignore_yields(even_till(4, out.clone())));
    scheduler.spawn(ignore_yields(odd_till(6, out.clone())));
    scheduler.run().unwrap();
    assert_eq!(
        *out.borrow(),
        [
            "5 odd_till - 1",
            "4 even_till - 2",
            "6 odd_till - 1",
            "5 odd_till - 3",
            "6 odd_till - 3",
            "6 odd_till - 5",
        ]
    );
    assert!(scheduler.is_empty());
}

// Seed 000: async_map interleaving two tasks; results per task id.
#[generator]
fn async_map(
    f: fn(i32) -> i32,
    xs: Vec<i32>,
    out: Log,
) -> impl Generator<Yield = (), Return = Vec<i32>> {
    let mut result = Vec::new();
    for x in xs {
        result.push(f(x));
        out.borrow_mut().push(format!("map {x}"));
        r#yield!(());
    }
    result
}

#[test]
fn async_map_tasks_interleave_and_keep_their_results() {
    let out = log();
    let lines = log();
    let mut scheduler = Scheduler::new();
    let sink = lines.clone();
    scheduler.set_observer(move |event| sink.borrow_mut().push(event.to_string()));
    let g1 = scheduler.spawn(async_map(|x| x + 2, vec![0, 1, 2], out.clone()));
    let g2 = scheduler.spawn(async_map(|x| x * 3, vec![0, 1, 2, 3, 4], out.clone()));
    scheduler.run().unwrap();

    assert_eq!(g1.take_result(), Some(Ok(vec![2, 3, 4])));
    assert_eq!(g2.take_result(), Some(Ok(vec![0, 3, 6, 9, 12])));
    assert_eq!(
        *out.borrow(),
        [
            "map 0", "map 0", "map 1", "map 1", "map 2", "map 2", "map 3", "map 4"
        ]
    );
    let running: Vec<&str> = lines
        .borrow()
        .iter()
        .filter_map(|line| match line.as_str() {
            "Running task 1 ..." => Some("1"),
            "Running task 2 ..." => Some("2"),
            "completed with result: [2, 3, 4]" => Some("done 1"),
            "completed with result: [0, 3, 6, 9, 12]" => Some("done 2"),
            _ => None,
        })
        .collect();
    // Task 1 finishes on its fourth resume (after three yields), then task 2 runs alone
    // (five yields, six resumes).
    assert_eq!(
        running,
        [
            "1", "2", "1", "2", "1", "2", "1", "done 1", "2", "2", "2", "done 2"
        ]
    );
}

// Seed 003: lucas + async_search returning its value through the return.
#[generator]
fn lucas() -> impl Generator<Yield = u64, Return = ()> {
    r#yield!(2);
    let (mut a, mut b) = (2u64, 1u64);
    loop {
        r#yield!(b);
        (a, b) = (b, a + b);
    }
}

#[derive(Debug, PartialEq)]
struct NotFound;

impl std::fmt::Display for NotFound {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Not Found")
    }
}

#[generator]
fn async_search(
    items: Vec<u64>,
    predicate: fn(u64) -> bool,
) -> impl Generator<Yield = (), Return = Result<u64, NotFound>> {
    for item in items {
        if predicate(item) {
            return Ok(item);
        }
        r#yield!(());
    }
    Err(NotFound)
}

#[test]
fn lucas_numbers() {
    let firsts: Vec<u64> = lucas().iter().take(10).collect();
    assert_eq!(firsts, [2, 1, 3, 4, 7, 11, 18, 29, 47, 76]);
}

#[test]
fn async_search_driven_by_hand_returns_the_item() {
    let items: Vec<u64> = lucas().iter().take(40).collect();
    let mut g = async_search(items, |x| x >= 10);
    let mut yields = 0;
    let found = loop {
        match g.advance() {
            GeneratorState::Yielded(()) => yields += 1,
            GeneratorState::Complete(value) => break value,
        }
    };
    assert_eq!(found, Ok(11));
    assert_eq!(yields, 5); // 2, 1, 3, 4, 7 do not match
}

#[test]
fn async_search_under_the_scheduler_completes_or_fails() {
    let items: Vec<u64> = lucas().iter().take(40).collect();
    let lines = log();
    let sink = lines.clone();
    let mut scheduler = Scheduler::new();
    scheduler.set_observer(move |event| sink.borrow_mut().push(event.to_string()));
    let found = scheduler.spawn_fallible(async_search(items.clone(), |x| x.to_string().len() >= 6));
    let missing = scheduler.spawn_fallible(async_search(items, |x| x > u64::MAX / 2));
    scheduler.run().unwrap();

    assert_eq!(found.take_result(), Some(Ok(Ok(103682))));
    assert_eq!(missing.take_result(), Some(Ok(Err(NotFound))));
    assert_eq!(scheduler.failures().len(), 1);
    assert_eq!(scheduler.failures()[&missing.id()], "Not Found");
    let lines = lines.borrow();
    assert!(lines.contains(&"completed with result: 103682".to_string()));
    assert_eq!(
        lines.last().map(String::as_str),
        Some("failed with exception: Not Found")
    );
    // 24 yields before 103682 is found (the notebook's "now yielded" lines), 25 resumes.
    let task1_resumes = lines.iter().filter(|l| *l == "Running task 1 ...").count();
    assert_eq!(task1_resumes, 25);
}

#[test]
fn a_panicking_task_is_recorded_and_the_others_finish() {
    #[generator]
    fn boom(after: u32) -> impl Generator<Yield = (), Return = u32> {
        for _ in 0..after {
            r#yield!(());
        }
        explode(after)
    }

    fn explode(after: u32) -> u32 {
        panic!("boom after {after}")
    }

    let out = log();
    let mut scheduler = Scheduler::new();
    let a = scheduler.spawn(async_map(|x| x, vec![1, 2, 3], out.clone()));
    let b = scheduler.spawn(boom(1));
    let c = scheduler.spawn(async_map(|x| -x, vec![1, 2, 3], out.clone()));
    scheduler.run().unwrap();
    assert_eq!(a.take_result(), Some(Ok(vec![1, 2, 3])));
    assert_eq!(
        b.take_result(),
        Some(Err(TaskError::Panicked("boom after 1".into())))
    );
    assert_eq!(c.take_result(), Some(Ok(vec![-1, -2, -3])));
    assert_eq!(scheduler.failures()[&b.id()], "boom after 1");
    assert_eq!(scheduler.failures().len(), 1);
}
