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
