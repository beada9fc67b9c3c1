//! Names in the user's code: what a pattern binds, what a macro invocation mentions, and which
//! macro invocations are our markers.

use proc_macro2::{TokenStream, TokenTree};
use syn::ext::IdentExt;

/// A binding a pattern introduces.
#[derive(Clone)]
pub struct PatBinding {
    pub ident: syn::Ident,
    pub mutable: bool,
    /// The type written directly on it (`x: T`).
    pub ty: Option<syn::Type>,
}

/// The bindings `pat` introduces, left to right.
///
/// Without name resolution, an identifier pattern that starts with an uppercase letter and has
/// no `mut`, `ref` or `@` is taken as a constant or unit variant (`None`, `MAX`), as rustc's
/// naming lints assume.
pub fn pat_bindings(pat: &syn::Pat) -> Vec<PatBinding> {
    let mut out = Vec::new();
    collect_pat(pat, None, &mut out);
    out
}

fn collect_pat(pat: &syn::Pat, ty: Option<&syn::Type>, out: &mut Vec<PatBinding>) {
    match pat {
        syn::Pat::Ident(p) => {
            let is_binding = p.by_ref.is_some()
                || p.mutability.is_some()
                || p.subpat.is_some()
                || !is_constant_like(&p.ident);
            if is_binding {
                out.push(PatBinding {
                    ident: p.ident.clone(),
                    mutable: p.mutability.is_some(),
                    ty: ty.cloned(),
                });
            }
            if let Some((_, sub)) = &p.subpat {
                collect_pat(sub, None, out);
            }
        }
        syn::Pat::Or(p) => {
            if let Some(first) = p.cases.first() {
                collect_pat(first, None, out);
            }
        }
        syn::Pat::Paren(p) => collect_pat(&p.pat, ty, out),
        syn::Pat::Reference(p) => collect_pat(&p.pat, None, out),
        syn::Pat::Tuple(p) => p.elems.iter().for_each(|e| collect_pat(e, None, out)),
        syn::Pat::TupleStruct(p) => p.elems.iter().for_each(|e| collect_pat(e, None, out)),
        syn::Pat::Slice(p) => p.elems.iter().for_each(|e| collect_pat(e, None, out)),
        syn::Pat::Struct(p) => p.fields.iter().for_each(|f| collect_pat(&f.pat, None, out)),
        syn::Pat::Type(p) => collect_pat(&p.pat, Some(&p.ty), out),
        _ => {}
    }
}

fn is_constant_like(ident: &syn::Ident) -> bool {
    ident
        .unraw()
        .to_string()
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

/// `op=` operators: the left operand is a place read and written in one go.
pub fn is_compound_assignment(op: &syn::BinOp) -> bool {
    use syn::BinOp::*;
    matches!(
        op,
        AddAssign(_)
            | SubAssign(_)
            | MulAssign(_)
            | DivAssign(_)
            | RemAssign(_)
            | BitXorAssign(_)
            | BitAndAssign(_)
            | BitOrAssign(_)
            | ShlAssign(_)
            | ShrAssign(_)
    )
}

/// The function that completes the generator (`gen_core::__private::complete`, or
/// `complete_stepped` for a generator that delegates), imported under this name by the
/// expansion, so that the stages that write a completion need not know which. Located at
/// `at`, the value completed with, where rustc reports a value of the wrong type.
pub fn complete_fn(at: proc_macro2::Span) -> syn::Ident {
    syn::Ident::new("__complete", proc_macro2::Span::mixed_site().located_at(at))
}

/// The function that yields, for a step closure that takes its state untyped
/// (`gen_core::__private::yielded`, or `yielded_plain`), imported under this name as
/// [`complete_fn`] is.
pub fn yield_fn() -> syn::Ident {
    syn::Ident::new("__yield", proc_macro2::Span::mixed_site())
}

/// The step closure's `&mut` state parameter, which completion writes to: one definition for
/// every stage that names it.
pub fn state_var() -> syn::Ident {
    syn::Ident::new("__state", proc_macro2::Span::mixed_site())
}

/// The step closure's `&mut bool` parameter of a generator that delegates, which starting a
/// delegate that can delegate itself sets (the runtime then locates the innermost delegate).
pub fn relocate_var() -> syn::Ident {
    syn::Ident::new("__relocate", proc_macro2::Span::mixed_site())
}

/// The name of [`Marker::DelegatedYield`].
pub const DELEGATED_YIELD: &str = "__delegated_yield";

/// Which marker a macro path names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    /// `r#yield!(v)`.
    Yield,
    /// `yield_from!(g)`.
    YieldFrom,
    /// The suspension point inside the lowering of `yield_from!`, whose resume value is the
    /// step's raw [`Entry`](gen_core::__private::Entry), passed on to the delegate. Not for
    /// users: the prepass rejects it in their code.
    DelegatedYield,
}

/// The marker a macro invocation's path names, if any: `r#yield`, `yield_from`, or a path
/// ending in one of them (`gen_core::r#yield`).
pub fn marker_of(path: &syn::Path) -> Option<Marker> {
    let last = path.segments.last()?;
    if !last.arguments.is_none() {
        return None;
    }
    match last.ident.unraw().to_string().as_str() {
        "yield" => Some(Marker::Yield),
        "yield_from" => Some(Marker::YieldFrom),
        DELEGATED_YIELD => Some(Marker::DelegatedYield),
        _ => None,
    }
}

/// The arguments of a standard macro that evaluates them as ordinary expressions, always and in
/// order, so a suspension point among them can be hoisted like any operand.
pub struct MacroArgs {
    pub exprs: Vec<syn::Expr>,
    /// `vec![x; n]`.
    pub repeat: bool,
    /// The macro takes references to its arguments (formatting, comparisons) instead of moving
    /// them.
    pub by_ref: bool,
    /// How many leading arguments always run; the rest (an assertion's message) run only
    /// sometimes and may not suspend.
    pub always: usize,
}

impl MacroArgs {
    /// Parses the arguments of `mac` if it is one of these macros.
    pub fn parse(mac: &syn::Macro) -> Option<MacroArgs> {
        use syn::parse::Parser;
        use syn::punctuated::Punctuated;
        let name = mac.path.segments.last()?.ident.to_string();
        let (by_ref, always) = match name.as_str() {
            "vec" | "dbg" => (false, usize::MAX),
            "format" | "print" | "println" | "eprint" | "eprintln" | "write" | "writeln"
            | "format_args" | "panic" => (true, usize::MAX),
            "assert_eq" | "assert_ne" => (true, 2),
            _ => return None,
        };
        if name == "vec" {
            let repeat = |input: syn::parse::ParseStream| {
                let value: syn::Expr = input.parse()?;
                input.parse::<syn::Token![;]>()?;
                let count: syn::Expr = input.parse()?;
                Ok(vec![value, count])
            };
            if let Ok(exprs) = repeat.parse2(mac.tokens.clone()) {
                return Some(MacroArgs {
                    exprs,
                    repeat: true,
                    by_ref,
                    always,
                });
            }
        }
        let exprs = Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated
            .parse2(mac.tokens.clone())
            .ok()?;
        Some(MacroArgs {
            exprs: exprs.into_iter().collect(),
            repeat: false,
            by_ref,
            always,
        })
    }

    /// The arguments as tokens again.
    pub fn to_tokens(&self) -> TokenStream {
        let exprs = &self.exprs;
        if self.repeat {
            let (value, count) = (&exprs[0], &exprs[1]);
            quote::quote!(#value; #count)
        } else {
            quote::quote!(#(#exprs),*)
        }
    }
}

/// The identifiers a macro invocation's tokens may refer to as variables: every identifier
/// token, plus the names captured by format strings (`"{x}"`). An over-approximation, which
/// keeps a variable alive rather than lose it.
pub fn macro_mentions(tokens: &TokenStream, out: &mut Vec<syn::Ident>) {
    let mut prev_dot = false;
    for tt in tokens.clone() {
        match &tt {
            TokenTree::Ident(ident) => {
                if !prev_dot {
                    out.push(ident.clone());
                }
            }
            TokenTree::Group(group) => macro_mentions(&group.stream(), out),
            TokenTree::Literal(lit) => format_captures(lit, out),
            TokenTree::Punct(_) => {}
        }
        prev_dot = matches!(&tt, TokenTree::Punct(p) if p.as_char() == '.');
    }
}

/// Names captured by a format string literal: `{name}`, `{name:?}`, `{name:>width$}`.
fn format_captures(lit: &proc_macro2::Literal, out: &mut Vec<syn::Ident>) {
    let Ok(syn::Lit::Str(s)) = syn::parse_str::<syn::Lit>(&lit.to_string()) else {
        return;
    };
    let text = s.value();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '{' {
            continue;
        }
        if chars.peek() == Some(&'{') {
            chars.next();
            continue;
        }
        let mut spec = String::new();
        while let Some(&c) = chars.peek() {
            if c == '}' {
                break;
            }
            spec.push(c);
            chars.next();
        }
        for name in spec_names(&spec) {
            if let Ok(ident) = syn::parse_str::<syn::Ident>(&name) {
                out.push(syn::Ident::new(&ident.to_string(), lit.span()));
            }
        }
    }
}

/// The argument name of a format spec and any `name$` width or precision in it.
fn spec_names(spec: &str) -> Vec<String> {
    let (arg, format) = spec.split_once(':').unwrap_or((spec, ""));
    let mut names = vec![arg.trim().to_string()];
    for part in format.split('$').take_while(|_| format.contains('$')) {
        let name: String = part
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect::<String>()
            .chars()
            .rev()
            .collect();
        names.push(name);
    }
    names
        .into_iter()
        .filter(|n| n.starts_with(|c: char| c.is_alphabetic() || c == '_'))
        .collect()
}

/// Replaces `yield ! (..)` with `r#yield ! (..)` everywhere in `tokens`, so the bang form's
/// plain `yield!(v)` parses as the marker macro instead of a `yield` expression.
pub fn raw_yield_markers(tokens: TokenStream) -> TokenStream {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out = Vec::with_capacity(trees.len());
    for (i, tt) in trees.iter().enumerate() {
        match tt {
            TokenTree::Ident(ident)
                if ident == "yield"
                    && matches!(trees.get(i + 1), Some(TokenTree::Punct(p)) if p.as_char() == '!') =>
            {
                out.push(TokenTree::Ident(proc_macro2::Ident::new_raw(
                    "yield",
                    ident.span(),
                )));
            }
            TokenTree::Group(group) => {
                let mut new =
                    proc_macro2::Group::new(group.delimiter(), raw_yield_markers(group.stream()));
                new.set_span(group.span());
                out.push(TokenTree::Group(new));
            }
            other => out.push(other.clone()),
        }
    }
    out.into_iter().collect()
}

/// Whether `tokens` contain a marker invocation (`yield!`, `r#yield!`, `yield_from!`) at any
/// depth: used to reject markers inside other macros' arguments.
pub fn tokens_contain_marker(tokens: &TokenStream) -> Option<proc_macro2::Span> {
    let trees: Vec<TokenTree> = tokens.clone().into_iter().collect();
    for (i, tt) in trees.iter().enumerate() {
        match tt {
            TokenTree::Ident(ident) => {
                let name = ident.unraw().to_string();
                let bang =
                    matches!(trees.get(i + 1), Some(TokenTree::Punct(p)) if p.as_char() == '!');
                if bang && (name == "yield" || name == "yield_from") {
                    return Some(ident.span());
                }
            }
            TokenTree::Group(group) => {
                if let Some(span) = tokens_contain_marker(&group.stream()) {
                    return Some(span);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    fn names(pat: syn::Pat) -> Vec<String> {
        pat_bindings(&pat)
            .into_iter()
            .map(|b| format!("{}{}", if b.mutable { "mut " } else { "" }, b.ident))
            .collect()
    }

    #[test]
    fn pattern_bindings_in_order() {
        let pat: syn::Pat =
            syn::parse_quote!((a, Some(mut b), Point { x, y: ref yy, .. }, [c, ..]));
        assert_eq!(names(pat), ["a", "mut b", "x", "yy", "c"]);
    }

    #[test]
    fn constants_are_not_bindings() {
        let pat: syn::Pat = syn::parse_quote!(Some(None) | Some(MAX));
        assert!(names(pat).is_empty());
        let pat: syn::Pat = syn::parse_quote!(mut Upper);
        assert_eq!(names(pat), ["mut Upper"]);
    }

    #[test]
    fn format_strings_capture_names() {
        let mut out = Vec::new();
        macro_mentions(&quote!("{a} {{b}} {c:?} {0} {d:>w$.p$}", e.f), &mut out);
        let got: Vec<String> = out.iter().map(ToString::to_string).collect();
        assert_eq!(got, ["a", "c", "d", "w", "p", "e"]);
    }

    #[test]
    fn bang_form_markers_become_raw() {
        let out = raw_yield_markers(quote!(
            fn f() {
                let x = yield !(1);
                yield 2;
            }
        ));
        assert_eq!(
            out.to_string(),
            quote!(
                fn f() {
                    let x = r#yield!(1);
                    yield 2;
                }
            )
            .to_string()
        );
    }
}
