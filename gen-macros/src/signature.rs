//! The generator's signature: which form it takes, its resume, yield and return types, and how
//! its arguments are stored.

use proc_macro2::Span;
use quote::format_ident;
use syn::spanned::Spanned;
use syn::visit::Visit;

use crate::errors::Errors;

/// What the function returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// `impl Generator<..>`.
    Generator,
    /// `impl Iterator<Item = ..>`: resumed with `()`, returns `()`.
    Iterator,
}

/// The parts of a signature the expansion needs.
pub struct GenSig {
    pub form: Form,
    /// `R` of `Generator<R, ..>`; `()` when absent.
    pub resume_ty: syn::Type,
    pub yield_ty: syn::Type,
    /// `()` when absent.
    pub return_ty: syn::Type,
    /// The arguments, in order.
    pub args: Vec<Arg>,
    /// The function has type parameters, an `impl Trait` argument, or a receiver (whose
    /// `impl` may have type parameters): its state may hold a generator of a type it is
    /// generic over.
    pub may_be_generic: bool,
}

/// A function argument and the name its value is stored under.
pub struct Arg {
    /// `__self` for the receiver, `__arg{i}` otherwise (mixed-site, invisible to user code).
    pub stored: syn::Ident,
    /// The pattern the body binds it with; `None` for the receiver.
    pub pat: Option<syn::Pat>,
    /// The argument's type, when it can be written inside the body (not `impl Trait`).
    pub ty: Option<syn::Type>,
}

impl GenSig {
    /// Whether a type can be written inside the function body as it is (an `impl Trait` or
    /// `_` cannot); the expansion falls back to inference otherwise.
    pub fn nameable(ty: &syn::Type) -> bool {
        struct Check(bool);
        impl Visit<'_> for Check {
            fn visit_type_impl_trait(&mut self, _: &syn::TypeImplTrait) {
                self.0 = false;
            }
            fn visit_type_infer(&mut self, _: &syn::TypeInfer) {
                self.0 = false;
            }
        }
        let mut check = Check(true);
        check.visit_type(ty);
        check.0
    }
}

const RETURN_FORMS: &str = "a generator function returns `impl Generator<Yield = Y, Return = T>`, \
     `impl Generator<R, Yield = Y, Return = T>` (resumed with values of type `R`) or \
     `impl Iterator<Item = Y>`";

/// Checks the signature and extracts what the expansion needs. Errors go to `errors`; the
/// result is `None` only when the return type gives no yield type to work with.
pub fn parse(sig: &syn::Signature, errors: &mut Errors) -> Option<GenSig> {
    if let Some(token) = &sig.asyncness {
        errors.push(
            token.span,
            "a generator function cannot be `async`: remove `async` (a generator is already \
             resumable, and `yield_from!` delegates where `.await` would)",
        );
    }
    if let Some(token) = &sig.constness {
        errors.push(
            token.span,
            "a generator function cannot be `const`: remove `const`",
        );
    }
    if let Some(token) = &sig.unsafety {
        errors.push(
            token.span,
            "a generator function cannot be `unsafe`: its body runs later, from safe `resume` \
             calls; make the function safe and put `unsafe` blocks in the body",
        );
    }
    if let Some(abi) = &sig.abi {
        errors.push(
            abi.span(),
            "a generator function cannot have an ABI: remove it",
        );
    }
    if let Some(variadic) = &sig.variadic {
        errors.push(variadic.span(), "a generator function cannot be variadic");
    }

    let args: Vec<Arg> = sig
        .inputs
        .iter()
        .enumerate()
        .map(|(i, input)| match input {
            syn::FnArg::Receiver(_) => Arg {
                stored: syn::Ident::new("__self", Span::mixed_site()),
                pat: None,
                ty: None,
            },
            syn::FnArg::Typed(pat_type) => Arg {
                stored: format_ident!("__arg{}", i, span = Span::mixed_site()),
                pat: Some((*pat_type.pat).clone()),
                ty: GenSig::nameable(&pat_type.ty).then(|| (*pat_type.ty).clone()),
            },
        })
        .collect();

    let syn::ReturnType::Type(_, ty) = &sig.output else {
        errors.push(
            sig.paren_token.span.close(),
            format!("missing return type: {RETURN_FORMS}"),
        );
        return None;
    };
    let syn::Type::ImplTrait(impl_trait) = &**ty else {
        errors.push(
            ty.span(),
            format!("unsupported return type: {RETURN_FORMS}"),
        );
        return None;
    };
    let may_be_generic = sig.generics.type_params().next().is_some()
        || sig.receiver().is_some()
        || args.iter().any(|arg| arg.pat.is_some() && arg.ty.is_none());
    for bound in &impl_trait.bounds {
        let syn::TypeParamBound::Trait(trait_bound) = bound else {
            continue;
        };
        let Some(last) = trait_bound.path.segments.last() else {
            continue;
        };
        let form = match last.ident.to_string().as_str() {
            "Generator" => Form::Generator,
            "Iterator" => Form::Iterator,
            _ => continue,
        };
        return parse_bound(form, last, args, may_be_generic, errors);
    }
    errors.push(
        impl_trait.span(),
        format!("the return type names neither `Generator` nor `Iterator`: {RETURN_FORMS}"),
    );
    None
}

fn parse_bound(
    form: Form,
    segment: &syn::PathSegment,
    args: Vec<Arg>,
    may_be_generic: bool,
    errors: &mut Errors,
) -> Option<GenSig> {
    let unit: syn::Type = syn::parse_quote!(());
    let mut resume_ty = None;
    let mut yield_ty = None;
    let mut return_ty = None;
    if let syn::PathArguments::AngleBracketed(generic) = &segment.arguments {
        for arg in &generic.args {
            match arg {
                syn::GenericArgument::Type(ty)
                    if form == Form::Generator && resume_ty.is_none() =>
                {
                    resume_ty = Some(ty.clone());
                }
                syn::GenericArgument::AssocType(assoc) => {
                    let slot = match (form, assoc.ident.to_string().as_str()) {
                        (Form::Generator, "Yield") | (Form::Iterator, "Item") => &mut yield_ty,
                        (Form::Generator, "Return") => &mut return_ty,
                        _ => {
                            errors.push(
                                assoc.ident.span(),
                                format!(
                                    "unexpected associated type `{}`: {RETURN_FORMS}",
                                    assoc.ident
                                ),
                            );
                            continue;
                        }
                    };
                    *slot = Some(assoc.ty.clone());
                }
                other => errors.push(other.span(), format!("unexpected argument: {RETURN_FORMS}")),
            }
        }
    }
    let Some(yield_ty) = yield_ty else {
        let wanted = match form {
            Form::Generator => "`Yield = Y`",
            Form::Iterator => "`Item = Y`",
        };
        errors.push(
            segment.span(),
            format!("the yield type is missing: add {wanted} (what `r#yield!` produces)"),
        );
        return None;
    };
    Some(GenSig {
        form,
        resume_ty: resume_ty.unwrap_or_else(|| unit.clone()),
        yield_ty,
        return_ty: return_ty.unwrap_or(unit),
        args,
        may_be_generic,
    })
}
