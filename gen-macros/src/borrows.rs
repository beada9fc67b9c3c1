//! Explains the common way a generator borrows from itself.
//!
//! A generator's state moves (it is returned, boxed, sent to a scheduler), so a value it keeps
//! across a suspension point cannot hold a reference into another value it keeps. The borrow
//! checker rejects such code in terms of the generated state machine; for the common shape, a
//! kept binding initialised with a borrow of a local that visibly owns its data
//! (`let first = &words[0];` after `let words = vec![..];`), this reports the problem at the
//! borrow with the ways out. Locals whose initialiser could be a reference are left alone,
//! so this never rejects code that would compile.

use std::collections::BTreeSet;

use crate::errors::Errors;
use crate::flow::Analysis;
use crate::ir::{BindingId, BindingKind, Body};

/// Methods whose result borrows their receiver.
const BORROWING_METHODS: &[&str] = &[
    "iter",
    "iter_mut",
    "first",
    "first_mut",
    "last",
    "last_mut",
    "get",
    "get_mut",
    "as_str",
    "as_slice",
    "as_mut_slice",
    "as_bytes",
    "as_ref",
    "as_mut",
    "chars",
    "char_indices",
    "bytes",
    "lines",
    "split",
    "split_whitespace",
    "keys",
    "values",
    "values_mut",
    "windows",
    "chunks",
    "trim",
    "drain",
    "peek",
    "borrow",
    "borrow_mut",
];

/// Reports kept bindings that borrow another local of the generator.
pub fn check(body: &Body, analysis: &Analysis, errors: &mut Errors) {
    let mut reported = BTreeSet::new();
    for (k, saved) in analysis.saved.iter().enumerate() {
        for &kept in saved {
            let Some(init) = &body.bindings[kept].init else {
                continue;
            };
            let Some((borrowed, span)) = borrowed_root(init) else {
                continue;
            };
            let owner = analysis.in_scope[k]
                .iter()
                .copied()
                .rfind(|&id| id < kept && body.bindings[id].ident == borrowed);
            let Some(owner) = owner else {
                continue;
            };
            if !owns_its_data(body, owner) || !reported.insert((kept, owner)) {
                continue;
            }
            let (kept_name, owner_name) = (&body.bindings[kept].ident, &body.bindings[owner].ident);
            errors.push(
                span,
                format!(
                    "`{kept_name}` borrows `{owner_name}` and is kept across a suspension point: a \
                     generator's state moves, so it cannot hold a reference into itself. Keep an \
                     index or key and borrow `{owner_name}` where you use it, clone what you need, \
                     or take it out of `{owner_name}` (`{owner_name}.remove(i)`, `mem::take`)"
                ),
            );
        }
    }
}

/// The local an initialiser borrows: `&x`, `&x[i]`, `&x.f`, `x.iter()`, `x.first().unwrap()`.
fn borrowed_root(expr: &syn::Expr) -> Option<(syn::Ident, proc_macro2::Span)> {
    match expr {
        syn::Expr::Reference(r) => place_root(&r.expr).map(|i| {
            let span = i.span();
            (i, span)
        }),
        syn::Expr::MethodCall(m) => {
            if BORROWING_METHODS.contains(&m.method.to_string().as_str())
                && let Some(root) = place_root(&m.receiver)
            {
                let span = root.span();
                return Some((root, span));
            }
            borrowed_root(&m.receiver)
        }
        syn::Expr::Paren(p) => borrowed_root(&p.expr),
        _ => None,
    }
}

/// The variable at the root of a place expression (`x`, `x.f`, `x[i]`, `x.f[i].g`).
fn place_root(expr: &syn::Expr) -> Option<syn::Ident> {
    match expr {
        syn::Expr::Path(p) if p.qself.is_none() => p.path.get_ident().cloned(),
        syn::Expr::Field(f) => place_root(&f.base),
        syn::Expr::Index(i) => place_root(&i.expr),
        syn::Expr::Paren(p) => place_root(&p.expr),
        _ => None,
    }
}

/// Whether a binding visibly holds owned data (so borrowing it borrows the generator's state).
fn owns_its_data(body: &Body, id: BindingId) -> bool {
    let binding = &body.bindings[id];
    if binding.kind != BindingKind::User {
        return false;
    }
    binding.init.as_ref().is_some_and(is_owned_value)
}

fn is_owned_value(expr: &syn::Expr) -> bool {
    match expr {
        syn::Expr::Macro(m) => m
            .mac
            .path
            .segments
            .last()
            .is_some_and(|s| s.ident == "vec" || s.ident == "format"),
        syn::Expr::Array(_) | syn::Expr::Repeat(_) | syn::Expr::Struct(_) => true,
        syn::Expr::Lit(l) => !matches!(l.lit, syn::Lit::Str(_) | syn::Lit::ByteStr(_)),
        syn::Expr::Call(c) => match &*c.func {
            syn::Expr::Path(p) => {
                let segments: Vec<String> = p
                    .path
                    .segments
                    .iter()
                    .map(|s| s.ident.to_string())
                    .collect();
                matches!(
                    segments.iter().map(String::as_str).collect::<Vec<_>>()[..],
                    [
                        ..,
                        "Vec"
                            | "String"
                            | "VecDeque"
                            | "HashMap"
                            | "BTreeMap"
                            | "HashSet"
                            | "BTreeSet",
                        "new" | "from" | "with_capacity"
                    ]
                )
            }
            _ => false,
        },
        syn::Expr::MethodCall(m) => matches!(
            m.method.to_string().as_str(),
            "to_string" | "to_vec" | "to_owned" | "collect" | "into_owned"
        ),
        syn::Expr::Paren(p) => is_owned_value(&p.expr),
        _ => false,
    }
}
