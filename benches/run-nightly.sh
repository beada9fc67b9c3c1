#!/usr/bin/env bash
# Runs the nightly-only benchmarks (benches/nightly: `#[coroutine]` closures and `gen` blocks
# beside hand-written and ours) when a nightly toolchain is installed; otherwise says so and
# exits 0, so it never fails a stable CI. Extra arguments go to criterion
# (e.g. `benches/run-nightly.sh -- --save-baseline run1`, or a filter: `-- fib`).
# With --no-run, only compiles.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if ! command -v rustup >/dev/null 2>&1 || ! rustup toolchain list | grep -q '^nightly'; then
    echo "run-nightly.sh: no nightly toolchain (rustup toolchain list); skipping the nightly benchmarks"
    exit 0
fi
cd "$here/nightly"
# The repository's rust-toolchain.toml pins stable; +nightly overrides it for this crate only.
exec cargo +nightly bench --bench nightly "$@"
