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
