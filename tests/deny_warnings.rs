//! Expanded code raises no warnings of its own (clippy runs with `-D warnings` in CI too).
#![deny(warnings, unused, clippy::all)]

use gen_core::prelude::*;

#[generator]
fn everything(
    items: Vec<u32>,
    limit: u32,
) -> impl Generator<u32, Yield = u32, Return = Result<u32, String>> {
    let mut total = 0;
    let mut seen = Vec::new();
    'outer: for &x in items.iter() {
        let mut tries = 0;
        loop {
            tries += 1;
            let answer = r#yield!(x + tries);
            if answer == 0 {
                continue 'outer;
            }
            if answer > limit {
                break 'outer;
            }
            total += answer;
            if tries > 2 {
                break;
            }
        }
        seen.push(x);
    }
    let check: u32 = seen.len().try_into().map_err(|_| "too many".to_string())?;
    match check {
        0 => Err("nothing".into()),
        n => Ok(total + n + r#yield!(total)),
    }
}

#[test]
fn compiles_without_warnings_and_runs() {
    let mut g = everything(vec![10, 20], 100);
    assert_eq!(g.start(), GeneratorState::Yielded(11));
    assert_eq!(g.resume(1), GeneratorState::Yielded(12));
    assert_eq!(g.resume(0), GeneratorState::Yielded(21));
    assert_eq!(g.resume(5), GeneratorState::Yielded(22));
    assert_eq!(g.resume(5), GeneratorState::Yielded(23));
    // The third answer for 20 ends its loop; `total` is 1 + 5 + 5 + 5.
    assert_eq!(g.resume(5), GeneratorState::Yielded(16));
    assert_eq!(g.resume(7), GeneratorState::Complete(Ok(16 + 1 + 7)));
}

#[generator]
fn halves(mut n: u32) -> impl Generator<Yield = u32, Return = u32> {
    let mut steps = 0;
    while n > 0 {
        n /= 2;
        steps += 1;
        r#yield!(n);
    }
    steps
}

#[generator]
fn delegating(n: u32) -> impl Generator<Yield = u32, Return = u32> {
    let steps = yield_from!(halves(n));
    yield_from!(halves(steps)) + steps
}

#[test]
fn delegation_compiles_without_warnings_and_runs() {
    let mut g = delegating(8);
    let mut seen = Vec::new();
    let total = loop {
        match g.resume(()) {
            GeneratorState::Yielded(v) => seen.push(v),
            GeneratorState::Complete(r) => break r,
        }
    };
    // 8 halves to 4, 2, 1, 0 in 4 steps; 4 halves to 2, 1, 0 in 3.
    assert_eq!(seen, [4, 2, 1, 0, 2, 1, 0]);
    assert_eq!(total, 3 + 4);
}

/// Lints from `clippy::pedantic` that the expansion used to trip over on the user's own
/// spans: a `_guard` kept across a yield, and an `if` statement after a suspension point.
mod pedantic {
    #![deny(
        clippy::unnecessary_semicolon,
        clippy::used_underscore_binding,
        clippy::no_effect_underscore_binding
    )]

    use gen_core::prelude::*;

    struct Guard;

    impl Drop for Guard {
        fn drop(&mut self) {}
    }

    #[generator]
    fn guarded(limit: u32) -> impl Generator<u32, Yield = u32, Return = u32> {
        let _guard = Guard;
        let mut found = 0;
        for i in 0..limit {
            let answer = r#yield!(i);
            if answer > i {
                found += 1;
            }
        }
        found
    }

    #[test]
    fn runs() {
        let mut g = guarded(3);
        assert_eq!(g.start(), GeneratorState::Yielded(0));
        assert_eq!(g.resume(1), GeneratorState::Yielded(1));
        assert_eq!(g.resume(0), GeneratorState::Yielded(2));
        assert_eq!(g.resume(5), GeneratorState::Complete(2));
    }
}
