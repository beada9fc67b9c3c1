#!/usr/bin/env python3
"""Print the BENCHMARKS.md tables from criterion's saved estimates.

Usage: python3 benches/ratios.py [--nightly] [BASELINE ...]   (default baseline: new)
--nightly reads the standalone nightly crate's results (benches/nightly/target/criterion).
Reads target/criterion/<group>/<impl>[/<depth>]/<baseline>/estimates.json (median), prints
per workload: ns per item and the ratio to hand-written measured in the same run. With several
baselines (separate runs), each cell is the median over runs of the per-run ratio.
"""
import json
import os
import statistics
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "target", "criterion")
IMPLS = ["hand-written", "ours", "diapause", "genawaiter-rc", "genawaiter-stack", "next-gen", "corosensei"]
WORKLOADS = [("counter", 1024), ("owned", 1024), ("nested", 64 * 63 // 2), ("grid", 64 * 64), ("running_total", 1024), ("large_state", 1024), ("fib", 1_000_000)]
CHAIN_N = 1024
CHAIN_SHORT_N = 4


def median_ns(path, baseline):
    f = os.path.join(ROOT, path, baseline, "estimates.json")
    if not os.path.exists(f):
        return None
    with open(f) as fh:
        return json.load(fh)["median"]["point_estimate"]


def cell(path_of, items, baselines, impl):
    ratios, per_item = [], []
    for b in baselines:
        t = median_ns(path_of(impl), b)
        h = median_ns(path_of("hand-written"), b)
        if t is None or h is None:
            continue
        ratios.append(t / h)
        per_item.append(t / items)
    if not ratios:
        return "-"
    return f"{statistics.median(ratios):.2f} ({statistics.median(per_item):.2f} ns)"


def main():
    global ROOT, IMPLS
    args = sys.argv[1:]
    if "--nightly" in args:
        args.remove("--nightly")
        ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "nightly", "target", "criterion")
        IMPLS = ["hand-written", "ours", "nightly-coroutine", "nightly-gen-block"]
    baselines = args or ["new"]
    print(f"runs: {', '.join(baselines)}; cell = ratio to hand-written (ns per item)\n")
    print("| workload | " + " | ".join(IMPLS) + " |")
    print("|---" * (len(IMPLS) + 1) + "|")
    for w, items in WORKLOADS:
        cells = [cell(lambda i: os.path.join(w, i), items, baselines, i) for i in IMPLS]
        print(f"| {w} | " + " | ".join(cells) + " |")
    for group, leaf_items in (("yield_from", CHAIN_N), ("yield_from_short", CHAIN_SHORT_N)):
        for d in (1, 4, 16):
            cells = [cell(lambda i: os.path.join(group, i, str(d)), leaf_items, baselines, i) for i in IMPLS]
            if any(c != "-" for c in cells):  # the nightly crate has no short chains
                print(f"| {group} depth {d} | " + " | ".join(cells) + " |")
    print("\nper-item cost of depth 16 / depth 1, same implementation:\n")
    print("| | " + " | ".join(IMPLS) + " |")
    print("|---" * (len(IMPLS) + 1) + "|")
    out = []
    for i in IMPLS:
        rs = []
        for b in baselines:
            t1 = median_ns(os.path.join("yield_from", i, "1"), b)
            t16 = median_ns(os.path.join("yield_from", i, "16"), b)
            if t1 and t16:
                rs.append(t16 / t1)
        out.append(f"{statistics.median(rs):.2f}" if rs else "-")
    print("| depth 16 / depth 1 | " + " | ".join(out) + " |")
    print()
    print_reference(baselines, "hand-written-out-of-line",
                    "floor for depth >= 2 (the hand-written counter, one call per item)")
    print_reference(baselines, "hand-written-at-run-time-position",
                    "the hand-written counter inlined at a run-time position (no call)")
    print_reference(baselines, "hand-written-escaping",
                    "the same, with a slow path that sees the state (its address escapes)")


def print_reference(baselines, cell, label):
    """A reference cell of the counter group, per item and against ours at depth 1."""
    rows = []
    for b in baselines:
        t = median_ns(os.path.join("counter", cell), b)
        t1 = median_ns(os.path.join("yield_from", "ours", "1"), b)
        if t and t1:
            rows.append((t / 1024, t / t1))
    if rows:
        print(f"{label}: {statistics.median(r[0] for r in rows):.2f} ns per item, "
              f"{statistics.median(r[1] for r in rows):.2f}x ours at depth 1")

if __name__ == "__main__":
    main()
