//! The nightly-only columns (`#[coroutine]` closures and `gen` blocks, beside hand-written and
//! ours), so that `cargo bench` runs them with the rest. They live in `benches/nightly/`, a
//! crate outside the workspace that only a nightly toolchain compiles; this launcher runs
//! `cargo bench` there with `rustup run nightly` when a nightly toolchain is installed, and
//! otherwise says so and succeeds, so a stable machine never fails on it.
//!
//! Arguments after `--` go to criterion as for the other benches
//! (`cargo bench --bench nightly -- --save-baseline run1`, or a filter: `-- fib`); `--no-run`
//! only compiles the nightly crate. `benches/run-nightly.sh` is the same launcher.

use std::env;
use std::path::Path;
use std::process::{Command, ExitCode};

fn main() -> ExitCode {
    let mut args: Vec<String> = env::args().skip(1).collect();
    // `cargo bench` passes `--bench`; `cargo test --benches` runs bench targets without it,
    // as a check that they start, and timing nightly builds there would be out of place.
    let Some(at) = args.iter().position(|arg| arg == "--bench") else {
        println!("nightly: run by `cargo bench` only");
        return ExitCode::SUCCESS;
    };
    args.remove(at);
    let no_run = match args.iter().position(|arg| arg == "--no-run") {
        Some(at) => {
            args.remove(at);
            true
        }
        None => false,
    };

    if !has_nightly() {
        println!(
            "nightly: no nightly toolchain (`rustup toolchain list`); skipping the nightly benchmarks"
        );
        return ExitCode::SUCCESS;
    }

    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("nightly");
    let mut cargo = Command::new("rustup");
    cargo
        .args(["run", "nightly", "cargo", "bench", "--bench", "nightly"])
        .current_dir(&crate_dir)
        // Set by the stable `cargo bench` that runs this launcher; the nightly cargo picks its
        // own toolchain and its own target directory (`benches/nightly/target`).
        .env_remove("RUSTUP_TOOLCHAIN")
        .env_remove("CARGO_TARGET_DIR");
    if no_run {
        cargo.arg("--no-run");
    } else {
        cargo.arg("--").args(&args);
    }
    match cargo.status() {
        Ok(status) if status.success() => ExitCode::SUCCESS,
        Ok(status) => {
            eprintln!(
                "nightly: `cargo bench` in {} failed: {status}",
                crate_dir.display()
            );
            ExitCode::FAILURE
        }
        Err(err) => {
            eprintln!("nightly: could not run rustup: {err}");
            ExitCode::FAILURE
        }
    }
}

/// Whether rustup lists a nightly toolchain (no rustup: no nightly).
fn has_nightly() -> bool {
    Command::new("rustup")
        .args(["toolchain", "list"])
        .output()
        .is_ok_and(|out| {
            out.status.success()
                && String::from_utf8_lossy(&out.stdout)
                    .lines()
                    .any(|line| line.starts_with("nightly"))
        })
}
