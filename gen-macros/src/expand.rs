//! The pipeline for one generator function: signature, prepass, lowering, analysis, emission.

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};
use syn::spanned::Spanned;

use crate::args::Args;
use crate::errors::Errors;
use crate::prepass::{self, Spelling};
use crate::signature::{self, GenSig};
use crate::{borrows, emit, flow, lower, names};

/// A function to turn into a generator: a free function or a method.
pub struct GenFn {
    pub attrs: Vec<syn::Attribute>,
    pub vis: syn::Visibility,
    pub defaultness: Option<syn::Token![default]>,
    pub sig: syn::Signature,
    pub block: syn::Block,
}

impl From<syn::ItemFn> for GenFn {
    fn from(item: syn::ItemFn) -> Self {
        GenFn {
            attrs: item.attrs,
            vis: item.vis,
            defaultness: None,
            sig: item.sig,
            block: *item.block,
        }
    }
}

impl From<syn::ImplItemFn> for GenFn {
    fn from(item: syn::ImplItemFn) -> Self {
        GenFn {
            attrs: item.attrs,
            vis: item.vis,
            defaultness: item.defaultness,
            sig: item.sig,
            block: item.block,
        }
    }
}

/// `#[generator]` on an item.
pub fn attribute(args: TokenStream, item: TokenStream) -> TokenStream {
    // A bad argument is reported, and the function still expands with the defaults.
    let (args, args_error) = match syn::parse2::<Args>(args) {
        Ok(args) => (args, None),
        Err(e) => (Args::default(), Some(e.to_compile_error())),
    };
    match syn::parse2::<syn::Item>(item.clone()) {
        Ok(syn::Item::Fn(item)) => {
            let expanded = expand(item.into(), &args, Spelling::Attribute);
            quote!(#args_error #expanded)
        }
        Ok(_) => {
            let error = syn::Error::new(
                proc_macro2::Span::call_site(),
                "`#[generator]` goes on a function (free, or a method in an `impl` block) whose \
                 body uses `r#yield!` and `yield_from!`",
            )
            .to_compile_error();
            quote!(#error #item)
        }
        // Not valid item syntax: report where, as the parser sees it.
        Err(e) => {
            let error = e.to_compile_error();
            quote!(#args_error #error)
        }
    }
}

/// `generators! { .. }`: functions, and `impl` blocks whose `#[generator]` methods are
/// expanded, with plain `yield!` markers.
pub fn bang(input: TokenStream) -> TokenStream {
    let input = names::raw_yield_markers(input);
    let file: syn::File = match syn::parse2(input) {
        Ok(file) => file,
        Err(e) => return e.to_compile_error(),
    };
    let mut out = TokenStream::new();
    for item in file.items {
        match item {
            syn::Item::Fn(f) => out.extend(expand(f.into(), &Args::default(), Spelling::Bang)),
            syn::Item::Impl(mut imp) => {
                let mut expanded = Vec::new();
                for impl_item in std::mem::take(&mut imp.items) {
                    match impl_item {
                        syn::ImplItem::Fn(mut f) => match take_generator_attr(&mut f.attrs) {
                            Some(Ok(args)) => {
                                let tokens = expand(f.into(), &args, Spelling::Bang);
                                expanded.push(syn::ImplItem::Verbatim(tokens));
                            }
                            Some(Err(e)) => {
                                let error = e.to_compile_error();
                                expanded.push(syn::ImplItem::Verbatim(quote!(#error #f)));
                            }
                            None => expanded.push(syn::ImplItem::Fn(f)),
                        },
                        other => expanded.push(other),
                    }
                }
                imp.items = expanded;
                out.extend(imp.into_token_stream());
            }
            other => {
                let error = syn::Error::new(
                    other.span(),
                    "`generators! { .. }` holds generator functions, and `impl` blocks whose \
                     generator methods are marked `#[generator]`",
                )
                .to_compile_error();
                out.extend(quote!(#error #other));
            }
        }
    }
    out
}

/// Removes a `#[generator]` (or `#[generator(..)]`) attribute, returning its arguments.
fn take_generator_attr(attrs: &mut Vec<syn::Attribute>) -> Option<syn::Result<Args>> {
    let index = attrs.iter().position(|a| a.path().is_ident("generator"))?;
    let attr = attrs.remove(index);
    Some(match attr.meta {
        syn::Meta::Path(_) => Ok(Args::default()),
        syn::Meta::List(list) => syn::parse2(list.tokens),
        syn::Meta::NameValue(nv) => Err(syn::Error::new(
            nv.span(),
            "write `#[generator]` or `#[generator(crate = path)]`",
        )),
    })
}

/// Expands one generator function. On error, the function is still emitted, with a body that
/// type-checks against its signature, so the only errors are the macro's own.
pub fn expand(f: GenFn, args: &Args, spelling: Spelling) -> TokenStream {
    let krate = &args.krate;
    let mut errors = Errors::default();
    let gensig = signature::parse(&f.sig, &mut errors);
    let mut block = f.block.clone();
    let items = prepass::run(&mut block, &f.sig.ident, args, spelling, &mut errors);
    let outer_sig = outer_signature(&f.sig, gensig.as_ref());
    let GenFn {
        attrs,
        vis,
        defaultness,
        ..
    } = &f;

    let body = match &gensig {
        Some(gensig) if errors.is_empty() => {
            let ir = lower::lower(&block, gensig, args);
            let analysis = flow::analyze(&ir, &mut errors);
            borrows::check(&ir, &analysis, &mut errors);
            errors.is_empty().then(|| {
                let machine = emit::emit(&ir, &analysis, gensig, krate);
                quote!(#(#items)* #machine)
            })
        }
        _ => None,
    };
    let body = body.unwrap_or_else(|| fallback_body(gensig.as_ref(), krate, errors));
    quote! {
        #(#attrs)*
        #vis #defaultness #outer_sig {
            #body
        }
    }
}

/// The function's own signature: arguments the body re-binds lose their `mut`, and pattern
/// arguments become a stored name the body destructures.
fn outer_signature(sig: &syn::Signature, gensig: Option<&GenSig>) -> syn::Signature {
    let mut sig = sig.clone();
    let Some(gensig) = gensig else {
        return sig;
    };
    for (input, arg) in sig.inputs.iter_mut().zip(&gensig.args) {
        match input {
            syn::FnArg::Receiver(receiver) => {
                if receiver.reference.is_none() {
                    receiver.mutability = None;
                }
            }
            syn::FnArg::Typed(pat_type) => match &mut *pat_type.pat {
                syn::Pat::Ident(p) if p.by_ref.is_none() && p.subpat.is_none() => {
                    p.mutability = None;
                }
                pat => {
                    let stored = &arg.stored;
                    *pat = syn::parse_quote!(#stored);
                }
            },
        }
    }
    sig
}

fn fallback_body(gensig: Option<&GenSig>, krate: &syn::Path, errors: Errors) -> TokenStream {
    let error = errors.into_error().map(|e| e.to_compile_error());
    let Some(gensig) = gensig else {
        return quote!(#error loop {});
    };
    let ty = |ty: &syn::Type| {
        if GenSig::nameable(ty) {
            quote!(#ty)
        } else {
            quote!(_)
        }
    };
    let (r, y, t) = (
        ty(&gensig.resume_ty),
        ty(&gensig.yield_ty),
        ty(&gensig.return_ty),
    );
    quote!(#error #krate::__private::errored::<#r, #y, #t>())
}
