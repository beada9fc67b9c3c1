//! Renders `DIFFTEST_COUNT` programs from `DIFFTEST_SEED` into `$OUT_DIR/generated.rs`.

use std::fmt::Write as _;

#[path = "src/program.rs"]
#[allow(dead_code)]
mod program;

fn main() {
    println!("cargo::rerun-if-env-changed=DIFFTEST_SEED");
    println!("cargo::rerun-if-env-changed=DIFFTEST_COUNT");
    println!("cargo::rerun-if-env-changed=DIFFTEST_FIRST");
    println!("cargo::rerun-if-env-changed=DIFFTEST_SKIP");
    println!("cargo::rerun-if-changed=src/program.rs");
    let env = |name: &str, default: u64| -> u64 {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let seed = env("DIFFTEST_SEED", 1);
    let first = env("DIFFTEST_FIRST", 0) as usize;
    let count = env("DIFFTEST_COUNT", 200) as usize;
    // Programs left out (comma-separated indices): those that hit a known compile failure.
    // Programs to leave out, e.g. those that hit a pending compile failure
    // (difftest/pending_regressions.md) when the default slice must stay green.
    let skip: Vec<usize> = std::env::var("DIFFTEST_SKIP")
        .unwrap_or_default()
        .split(',')
        .filter_map(|v| v.trim().parse().ok())
        .collect();
    let mut out = String::new();
    let _ = writeln!(out, "pub const SKIP: &[usize] = &{skip:?};");
    let _ = writeln!(out, "pub const SEED: u64 = {seed};");
    let _ = writeln!(out, "pub const FIRST: usize = {first};");
    let _ = writeln!(out, "pub const COUNT: usize = {count};\n");
    let mut run = String::from("pub fn run(index: usize, t: &Tr) {\n    match index {\n");
    for index in first..first + count {
        if skip.contains(&index) {
            continue;
        }
        let pseed = program::program_seed(seed, index);
        let prog = program::Program::generate(pseed);
        out.push_str(&prog.render(index));
        let driver = if prog.unit { "drive_unit" } else { "drive" };
        let _ = writeln!(
            run,
            "        {index} => {driver}(p{index}_f0(t.clone(), {}), t, {pseed}),",
            prog.arg
        );
    }
    run.push_str("        _ => unreachable!(),\n    }\n}\n");
    out.push_str(&run);
    let path = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("generated.rs");
    std::fs::write(path, out).unwrap();
}
