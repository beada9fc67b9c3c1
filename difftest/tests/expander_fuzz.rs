//! The expander never panics on mutated generated programs or token soup (feature
//! `expander-fuzz`; against a stub until gen-macros exports `expand_for_fuzzing`).
//! `DIFFTEST_FUZZ_SEED` and `DIFFTEST_FUZZ_ITERATIONS` run longer.
#![cfg(feature = "expander-fuzz")]

#[test]
fn expansion_never_panics() {
    let env = |name: &str, default: u64| -> u64 {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let seed = env("DIFFTEST_FUZZ_SEED", 1);
    let iterations = env("DIFFTEST_FUZZ_ITERATIONS", 2000) as usize;
    let report = difftest::fuzz::run(seed, iterations, &difftest::fuzz::expand_for_fuzzing);
    eprintln!(
        "expander fuzz: {} inputs ({} mutated programs), {} spanned errors, {} panics",
        report.inputs,
        report.mutated_programs,
        report.errors,
        report.panics.len()
    );
    for (input, msg) in &report.panics {
        eprintln!("PANIC ({msg}) on seed {seed}:\n{input}\n");
    }
    assert!(report.panics.is_empty());
}
