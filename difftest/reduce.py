#!/usr/bin/env python3
"""Minimises a generated program that the macro fails to compile.

    cargo run -q -p difftest --bin difftest-render -- SEED INDEX | grep -v '^//' > p.rs
    difftest/reduce.py p.rs "type annotations needed" [--allow-unreachable] > p.min.rs

Deletes lines and brace blocks while (1) the program, with `r#yield!`/`yield_from!` replaced
by plain expressions and `#[generator]` removed, still compiles as ordinary Rust (with
`deny(unreachable_code)` unless --allow-unreachable), and (2) compiling it with `#[generator]`
still gives exactly one error, containing the given text. Scratch files go to
difftest/examples/ (ignored by git); each step is one small `cargo build`.
"""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = os.path.join(ROOT, "difftest", "examples")


def build(name, text):
    os.makedirs(EXAMPLES, exist_ok=True)
    with open(os.path.join(EXAMPLES, name + ".rs"), "w") as f:
        f.write(text)
    r = subprocess.run(["cargo", "build", "-q", "-p", "difftest", "--example", name],
                       cwd=ROOT, capture_output=True, text=True)
    return r.returncode == 0, r.stderr


def plain(txt, strict):
    unit = "Generator<()," in txt
    t = txt.replace("#[generator]", "")
    t = re.sub(r"-> impl Generator<[^>]*Return = (.*)> \{$", r"-> \1 {", t, flags=re.M)
    y = "{{ let _ = $e; }}" if unit else "{{ let _ = $e; 0i64 }}"
    deny = "#![deny(unreachable_code)]\n" if strict else ""
    return ("#![allow(warnings)]\n" + deny + "use difftest::rt::*;\n"
            "macro_rules! r#yield { ($e:expr) => { %s }; }\n"
            "macro_rules! yield_from { ($e:expr) => { $e }; }\n" % y + t + "\nfn main() {}\n")


def main():
    path, needle = sys.argv[1], sys.argv[2]
    strict = "--allow-unreachable" not in sys.argv
    src = open(path).read().split("\n")
    header = "#![allow(warnings)]\nuse gen_core::prelude::*;\nuse difftest::rt::*;\n"

    def still_fails(lines):
        txt = "\n".join(lines)
        if txt.count("{") != txt.count("}"):
            return False
        if not build("plain", plain(txt, strict))[0]:
            return False
        ok, err = build("scratch", header + txt + "\nfn main() {}\n")
        errors = [l for l in err.split("\n")
                  if l.startswith("error") and "could not compile" not in l]
        return not ok and needle in err and len(errors) == 1

    ok, err = build("plain", plain("\n".join(src), strict))
    assert ok, "not valid plain Rust:\n" + err[:3000]
    assert still_fails(src), "does not reproduce"
    changed = True
    while changed:
        changed = False
        i = 0
        while i < len(src):
            candidates = [(i, i + 1)]
            if src[i].rstrip().endswith("{"):
                depth = 0
                for j in range(i, len(src)):
                    depth += src[j].count("{") - src[j].count("}")
                    if depth <= 0:
                        candidates.insert(0, (i, j + 1))
                        break
            for a, b in candidates:
                if still_fails(src[:a] + src[b:]):
                    src = src[:a] + src[b:]
                    changed = True
                    break
            else:
                i += 1
    print("\n".join(src))


if __name__ == "__main__":
    main()
