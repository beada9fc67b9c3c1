//! Resume values (Python's `send`), the first-resume rule, and `yield_from!` (PEP 380).

use gen_core::prelude::*;

#[generator]
fn times2() -> impl Generator<i32, Yield = Option<i32>, Return = ()> {
    loop {
        let val = r#yield!(None);
        r#yield!(Some(val * 2));
    }
}

#[test]
fn seed_times2() {
    // The seed: next(z); print(z.send(1)); next(z); print(z.send(2)) ...
    let mut z = times2();
    let mut printed = Vec::new();
    assert_eq!(z.start(), GeneratorState::Yielded(None));
    for v in 1..=3 {
        if let GeneratorState::Yielded(Some(doubled)) = z.send(v) {
            printed.push(doubled);
        }
        assert_eq!(z.send(0), GeneratorState::Yielded(None));
    }
    assert_eq!(printed, [2, 4, 6]);
}

#[generator]
fn echo_lengths() -> impl Generator<String, Yield = usize, Return = String> {
    let mut all = String::new();
    let mut last = 0;
    loop {
        let line = r#yield!(last);
        if line.is_empty() {
            return all;
        }
        last = line.len();
        all.push_str(&line);
    }
}

#[test]
fn every_resume_value_reaches_the_body() {
    let mut g = echo_lengths();
    assert_eq!(g.start(), GeneratorState::Yielded(0));
    assert_eq!(g.resume("ab".into()), GeneratorState::Yielded(2));
    assert_eq!(g.resume("cde".into()), GeneratorState::Yielded(3));
    assert_eq!(
        g.resume(String::new()),
        GeneratorState::Complete("abcde".into())
    );
}

#[test]
#[should_panic(expected = "before it started")]
fn resuming_a_fresh_generator_with_a_value_panics_instead_of_losing_it() {
    let mut g = echo_lengths();
    let _ = g.resume("lost?".into());
}

#[test]
#[should_panic(expected = "already started")]
fn starting_twice_panics() {
    let mut g = echo_lengths();
    let _ = g.start();
    let _ = g.start();
}

#[test]
fn unit_resume_may_start() {
    let mut g = gen_core::from_iter([1]);
    assert_eq!(g.resume(()), GeneratorState::Yielded(1));
}

#[test]
#[should_panic(expected = "resumed after completion")]
fn resuming_after_completion_panics() {
    let mut g = echo_lengths();
    let _ = g.start();
    let _ = g.resume(String::new());
    let _ = g.resume("again".into());
}

#[generator]
fn accumulate(start: i64) -> impl Generator<i64, Yield = i64, Return = i64> {
    let mut total = start;
    loop {
        let n = r#yield!(total);
        if n == 0 {
            return total;
        }
        total += n;
    }
}

#[generator]
fn delegating() -> impl Generator<i64, Yield = i64, Return = (i64, i64)> {
    let first = yield_from!(accumulate(100));
    let second = yield_from!(accumulate(first));
    (first, second)
}

#[test]
fn yield_from_forwards_resume_values_and_returns_the_inner_result() {
    let mut g = delegating();
    assert_eq!(g.start(), GeneratorState::Yielded(100));
    assert_eq!(g.resume(5), GeneratorState::Yielded(105));
    // The inner generator completes; the outer one starts the second without a value.
    assert_eq!(g.resume(0), GeneratorState::Yielded(105));
    assert_eq!(g.resume(1), GeneratorState::Yielded(106));
    assert_eq!(g.resume(0), GeneratorState::Complete((105, 106)));
}

#[generator]
fn from_iterables(words: Vec<&'static str>) -> impl Generator<Yield = char, Return = usize> {
    let mut n = 0;
    for w in words {
        yield_from!(w.chars());
        n += 1;
    }
    yield_from!(['!'; 2]);
    n
}

#[test]
fn yield_from_an_iterable() {
    let mut it = from_iterables(vec!["ab", "c"]).iter();
    assert_eq!(it.by_ref().collect::<String>(), "abc!!");
    assert_eq!(it.into_return(), Some(2));
}

#[generator]
fn countdown(n: u32) -> impl Generator<Yield = u32, Return = u32> {
    if n == 0 {
        return 0;
    }
    r#yield!(n);
    let rest = yield_from!(countdown(n - 1).boxed());
    rest + n
}

#[test]
fn recursive_generators_box_their_recursive_call() {
    let mut it = countdown(4).iter();
    assert_eq!(it.by_ref().collect::<Vec<_>>(), [4, 3, 2, 1]);
    assert_eq!(it.into_return(), Some(10));
}

#[generator]
fn lucas() -> impl Generator<Yield = u64, Return = ()> {
    r#yield!(2);
    let (mut a, mut b) = (2u64, 1u64);
    loop {
        r#yield!(b);
        (a, b) = (b, a + b);
    }
}

#[generator]
fn async_is_prime(x: u64) -> impl Generator<Yield = (), Return = bool> {
    if x < 2 {
        return false;
    }
    let mut i = 2;
    while i * i <= x {
        if x.is_multiple_of(i) {
            return false;
        }
        r#yield!(());
        i += 1;
    }
    true
}

#[generator]
fn async_print_matches(limit: usize) -> impl Generator<Yield = (), Return = Vec<u64>> {
    let mut found = Vec::new();
    for item in lucas().iter().take(limit) {
        let matches = yield_from!(async_is_prime(item));
        if matches {
            found.push(item);
        }
    }
    found
}

#[test]
fn seed_print_matches_delegates_with_yield_from() {
    let mut steps = 0;
    let mut g = async_print_matches(12);
    let found = loop {
        match g.advance() {
            GeneratorState::Yielded(()) => steps += 1,
            GeneratorState::Complete(found) => break found,
        }
    };
    assert_eq!(found, [2, 3, 7, 11, 29, 47, 199]);
    assert!(
        steps > 10,
        "the predicate yielded while testing ({steps} steps)"
    );
}

#[generator]
fn async_search(
    items: Vec<u64>,
    wanted: u64,
) -> impl Generator<Yield = (), Return = Result<u64, &'static str>> {
    for item in items {
        if item >= wanted {
            return Ok(item);
        }
        r#yield!(());
    }
    Err("Not Found")
}

#[test]
fn seed_async_search_returns_through_completion() {
    let lucas10: Vec<u64> = lucas().iter().take(10).collect();
    assert_eq!(lucas10, [2, 1, 3, 4, 7, 11, 18, 29, 47, 76]);
    let mut g = async_search(lucas10.clone(), 10);
    let mut yields = 0;
    let result = loop {
        match g.advance() {
            GeneratorState::Yielded(()) => yields += 1,
            GeneratorState::Complete(r) => break r,
        }
    };
    assert_eq!((yields, result), (5, Ok(11)));
    assert_eq!(
        async_search(lucas10, 1000).run_to_completion(),
        Err("Not Found")
    );
}
