//! Helpers shared by the integration tests.

use gen_core::{Generator, GeneratorState};

/// Runs `g` to completion, answering its yields with `answers` in order (then with the
/// default value), and returns what it yielded and what it returned.
pub fn drive<T, G>(mut g: G, answers: &[T]) -> (Vec<T>, G::Return)
where
    T: Copy + Default,
    G: Generator<T, Yield = T>,
{
    let mut yielded = Vec::new();
    let mut answers = answers.iter().copied();
    let mut step = g.start();
    loop {
        match step {
            GeneratorState::Yielded(y) => {
                yielded.push(y);
                step = g.resume(answers.next().unwrap_or_default());
            }
            GeneratorState::Complete(r) => return (yielded, r),
        }
    }
}
