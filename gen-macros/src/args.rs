//! The attribute's arguments: `#[generator]` or `#[generator(crate = path)]`.

use syn::parse::{Parse, ParseStream};

/// Parsed attribute arguments.
pub struct Args {
    /// How expanded code names gen-core: `::gen_core` unless a re-exporting crate overrides it
    /// (as serde's `#[serde(crate = "..")]` does).
    pub krate: syn::Path,
}

impl Args {
    /// The runtime path with every token at `span`, so an error in a generated call that
    /// names it points at the user's code rather than at the attribute.
    pub fn krate_at(&self, span: proc_macro2::Span) -> syn::Path {
        path_at(&self.krate, span)
    }
}

impl Default for Args {
    fn default() -> Self {
        Args {
            krate: syn::parse_quote!(::gen_core),
        }
    }
}

impl Parse for Args {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let mut args = Args::default();
        if input.is_empty() {
            return Ok(args);
        }
        let key: syn::Token![crate] = input.parse().map_err(|e| {
            syn::Error::new(
                e.span(),
                "unknown argument: the only argument is `crate = path::to::gen_core`",
            )
        })?;
        input.parse::<syn::Token![=]>()?;
        args.krate = if input.peek(syn::LitStr) {
            input.parse::<syn::LitStr>()?.parse()?
        } else {
            input.parse()?
        };
        if !input.is_empty() {
            return Err(input.error("unexpected tokens after `crate = path`"));
        }
        let _ = key;
        Ok(args)
    }
}

/// `path` with every token at `span`.
pub fn path_at(path: &syn::Path, span: proc_macro2::Span) -> syn::Path {
    let mut path = path.clone();
    if let Some(colon) = &mut path.leading_colon {
        colon.spans = [span, span];
    }
    for segment in &mut path.segments {
        segment.ident.set_span(span);
    }
    for punct in path.segments.pairs_mut().filter_map(|p| p.into_tuple().1) {
        punct.spans = [span, span];
    }
    path
}
