//! Every generated program, compiled through `#[generator]`, leaves the trace the interpreter
//! predicts. Seed and count come from `DIFFTEST_SEED`/`DIFFTEST_COUNT` at build time.

use difftest::program::{Program, program_seed};
use difftest::rt::Tr;

#[allow(warnings, clippy::all, clippy::pedantic, clippy::nursery)]
mod generated {
    use difftest::rt::*;
    use gen_core::prelude::*;
    include!(concat!(env!("OUT_DIR"), "/generated.rs"));
}

#[test]
fn compiled_programs_match_the_interpreter() {
    let mut failures = Vec::new();
    let mut events = [0usize; 4];
    let only: Option<usize> = std::env::var("DIFFTEST_ONLY")
        .ok()
        .and_then(|v| v.parse().ok());
    for index in generated::FIRST..generated::FIRST + generated::COUNT {
        if only.is_some_and(|o| o != index) || generated::SKIP.contains(&index) {
            continue;
        }
        let pseed = program_seed(generated::SEED, index);
        let prog = Program::generate(pseed);
        let expected = difftest::interp::run(&prog, pseed);
        let t: Tr = Tr::default();
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            generated::run(index, &t);
        }));
        let actual = t.borrow().clone();
        for e in &actual {
            use difftest::rt::Ev;
            let slot = match e {
                Ev::Yield(_) => 0,
                Ev::Drop(_) => 1,
                Ev::Stopped => 2,
                _ => 3,
            };
            events[slot] += 1;
        }
        if outcome.is_err() || actual != expected {
            let first_diff = expected.iter().zip(&actual).position(|(a, b)| a != b);
            failures.push(format!(
                "DIVERGENCE seed={} index={index} (panicked: {})\nfirst differing event: {first_diff:?}\n\
                 expected (interpreter): {expected:?}\nactual   (#[generator]): {actual:?}\n\
                 program:\n{}",
                generated::SEED,
                outcome.is_err(),
                prog.render(index)
            ));
        }
    }
    let ran = if only.is_some() {
        1
    } else {
        generated::COUNT - generated::SKIP.len()
    };
    eprintln!(
        "difftest: {ran} programs from seed {} (first {}, skipped {:?}), {} divergences; \
         compiled side: {} yields, {} drops, {} dropped while suspended, {} other events",
        generated::SEED,
        generated::FIRST,
        generated::SKIP,
        failures.len(),
        events[0],
        events[1],
        events[2],
        events[3]
    );
    for f in &failures {
        eprintln!("{f}");
    }
    assert!(
        failures.is_empty(),
        "{} of {ran} programs diverged",
        failures.len()
    );
}

#[test]
fn generation_is_reproducible() {
    for index in 0..50 {
        let pseed = program_seed(generated::SEED, index);
        assert_eq!(
            Program::generate(pseed).render(index),
            Program::generate(pseed).render(index)
        );
        assert_eq!(
            difftest::interp::run(&Program::generate(pseed), pseed),
            difftest::interp::run(&Program::generate(pseed), pseed)
        );
    }
}
