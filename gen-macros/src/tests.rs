//! Expansion tests: run the attribute on source text and look at the generated code.

use crate::expand;

/// Expands `#[generator]` on `source` and pretty-prints the result.
pub fn expand_str(source: &str) -> String {
    let item: proc_macro2::TokenStream = source.parse().expect("valid tokens");
    let out = expand::attribute(proc_macro2::TokenStream::new(), item);
    match syn::parse2::<syn::File>(out.clone()) {
        Ok(file) => prettyplease::unparse(&file),
        Err(_) => out.to_string(),
    }
}

#[test]
fn print_expansion() {
    if let Ok(path) = std::env::var("GEN_EXPAND") {
        let source = std::fs::read_to_string(path).expect("readable file");
        println!("{}", expand_str(&source));
    }
}

/// The expansions of `snapshots/*.rs`, compared with the checked-in `*.expanded.rs` so a review
/// sees every change to generated code. `GEN_BLESS=1` rewrites them.
#[test]
fn expansion_snapshots() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("snapshots");
    let bless = std::env::var_os("GEN_BLESS").is_some();
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .expect("snapshots directory")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "rs")
                && !p.to_string_lossy().ends_with(".expanded.rs")
        })
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty());
    let mut stale = Vec::new();
    for input in inputs {
        let source = std::fs::read_to_string(&input).expect("readable input");
        let expanded = expand_str(&source);
        let snapshot = input.with_extension("expanded.rs");
        if bless {
            std::fs::write(&snapshot, &expanded).expect("writable snapshot");
        } else if std::fs::read_to_string(&snapshot).ok().as_deref() != Some(expanded.as_str()) {
            stale.push(snapshot.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "expansions changed (review, then rerun with GEN_BLESS=1): {stale:?}"
    );
}

/// A small deterministic generator for the fuzz test (no dependency needed).
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Flattens a token stream into its trees, groups first, so mutations can reach inside.
fn mutate(tokens: proc_macro2::TokenStream, rng: &mut XorShift) -> proc_macro2::TokenStream {
    use proc_macro2::{Group, TokenTree};
    let mut trees: Vec<TokenTree> = tokens
        .into_iter()
        .map(|tt| match tt {
            TokenTree::Group(g) if rng.below(3) == 0 => {
                let mut new = Group::new(g.delimiter(), mutate(g.stream(), rng));
                new.set_span(g.span());
                TokenTree::Group(new)
            }
            other => other,
        })
        .collect();
    if trees.is_empty() {
        return proc_macro2::TokenStream::new();
    }
    let i = rng.below(trees.len());
    match rng.below(4) {
        0 => {
            trees.remove(i);
        }
        1 => {
            let copy = trees[i].clone();
            trees.insert(rng.below(trees.len() + 1), copy);
        }
        2 => {
            let j = rng.below(trees.len());
            trees.swap(i, j);
        }
        _ => {
            let marker: proc_macro2::TokenStream = quote::quote!(r#yield!(1));
            let at = rng.below(trees.len() + 1);
            for (k, tt) in marker.into_iter().enumerate() {
                trees.insert(at + k, tt);
            }
        }
    }
    trees.into_iter().collect()
}

/// Arbitrary token trees derived from real generators never make the expansion panic: it
/// returns code or a spanned error. `GEN_FUZZ_ITERATIONS` runs longer.
/// Runs on a thread with rustc's main-thread stack (8 MiB): the test harness's default 2 MiB
/// is smaller than what a proc macro gets inside rustc.
#[test]
fn expansion_never_panics_on_mutated_input() {
    std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(fuzz_expansion)
        .expect("fuzz thread")
        .join()
        .expect("the fuzz run passes");
}

fn fuzz_expansion() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources = Vec::new();
    for sub in ["snapshots", "../tests"] {
        for entry in std::fs::read_dir(dir.join(sub)).expect("directory") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "rs")
                && !path.to_string_lossy().ends_with(".expanded.rs")
                && let Ok(file) =
                    syn::parse_file(&std::fs::read_to_string(&path).expect("readable"))
            {
                for item in file.items {
                    if let syn::Item::Fn(mut f) = item {
                        let is_generator = |a: &syn::Attribute| a.path().is_ident("generator");
                        let snapshot = sub == "snapshots";
                        if snapshot || f.attrs.iter().any(is_generator) {
                            f.attrs.retain(|a| !is_generator(a));
                            sources.push(f);
                        }
                    }
                }
            }
        }
    }
    assert!(sources.len() > 20, "found {} functions", sources.len());
    let iterations: usize = std::env::var("GEN_FUZZ_ITERATIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2000);
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let (mut expanded, mut rejected) = (0, 0);
    // To replay: the sequence is deterministic, so skip to an iteration and dump each input.
    let from: usize = std::env::var("GEN_FUZZ_FROM")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let dump = std::env::var("GEN_FUZZ_DUMP").ok();
    for i in 0..iterations {
        // The signature stays valid; the body's tokens are mutated.
        let source = &sources[rng.below(sources.len())];
        let mut body: proc_macro2::TokenStream = {
            let stmts = &source.block.stmts;
            quote::quote!(#(#stmts)*)
        };
        for _ in 0..=rng.below(3) {
            body = mutate(body, &mut rng);
        }
        let (attrs, vis, sig) = (&source.attrs, &source.vis, &source.sig);
        let tokens = quote::quote!(#(#attrs)* #vis #sig { #body });
        if i < from {
            continue;
        }
        if let Some(path) = &dump {
            std::fs::write(path, format!("// iteration {i}\n{tokens}")).expect("dump");
        }
        if i % 100_000 == 0 && i > 0 {
            eprintln!("fuzz: {i} iterations");
        }
        let input = tokens.clone();
        let result =
            std::panic::catch_unwind(|| expand::attribute(proc_macro2::TokenStream::new(), input));
        match result {
            Ok(out) if out.to_string().contains("compile_error") => rejected += 1,
            Ok(_) => expanded += 1,
            Err(_) => panic!("iteration {i}: the expansion panicked on:\n{tokens}"),
        }
    }
    // Both paths are exercised: mutations that still expand, and ones that are rejected.
    let iterations = iterations - from.min(iterations);
    assert!(
        expanded * 40 >= iterations && rejected * 10 >= iterations,
        "{expanded} expanded, {rejected} rejected"
    );
}

/// Found by the fuzz test: a `let` beside a short-circuit operator that suspends, outside a
/// condition. The lowering used to panic rewriting `a && b` as an `if`; now the `let` is left
/// where rustc rejects it ("expected expression, found `let` statement").
#[test]
fn a_let_beside_a_suspending_short_circuit_is_left_to_rustc() {
    for source in [
        "fn f(n: i64) -> impl Generator<i64, Yield = i64, Return = bool> { \
             let b = r#yield!(1) > 0 || let Some(y) = r#yield!(2); b }",
        "fn g(n: i64) -> impl Generator<i64, Yield = i64, Return = bool> { \
             let b = n > 0 && let Some(y) = r#yield!(1); b }",
    ] {
        let out = expand_str(source);
        assert!(
            !out.contains("compile_error") && out.contains("let"),
            "{out}"
        );
    }
}

/// Found by the fuzz test: a marker in a pattern sent the lowering into endless recursion.
/// The prepass rejects it.
#[test]
fn a_marker_in_a_pattern_is_rejected() {
    let out = expand_str(
        "fn f(n: i64) -> impl Generator<i64, Yield = i64, Return = i64> { \
             if let Some(r#yield!(1)) = some_if() & r#yield!(x) == 0 { r#yield!(1); } 3 }",
    );
    assert!(out.contains("cannot be a pattern"), "{out}");
}
