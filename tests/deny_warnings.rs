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
