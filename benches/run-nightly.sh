#!/usr/bin/env bash
# Runs the nightly-only benchmarks (benches/nightly: `#[coroutine]` closures and `gen` blocks
# beside hand-written and ours) when a nightly toolchain is installed; otherwise says so and
# exits 0, so it never fails a stable CI. The same launcher as `cargo bench --bench nightly`
# (benches/benches/nightly.rs). Extra arguments go to criterion
# (e.g. `benches/run-nightly.sh -- --save-baseline run1`, or a filter: `-- fib`).
# With --no-run, only compiles.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[[ ${1:-} == -- ]] && shift
exec cargo bench -q -p gen-benches --bench nightly -- "$@"
