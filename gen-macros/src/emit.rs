//! Emission: the IR and its analysis become the state enum and the step closure.
//!
//! Input:
//! ```text
//! fn odd_till(number: u32) -> impl Generator<Yield = u32, Return = ()> {
//!     let mut n = 1;
//!     while n < number { r#yield!(n); n += 2; }
//! }
//! ```
//! Output (simplified):
//! ```text
//! #[repr(usize)]                                 // a tag of its own: see `repr` below
//! enum State<T0, T1, T2> { Start(T0), S0((T1, T2)), Poisoned, Done }
//! generated(State::Start(number), move |state: &mut State<_, _, _>, arg| {
//!     match replace(state, State::Poisoned) {
//!         State::Start(p0) => {
//!             start_arg(arg);
//!             let number = p0;
//!             let mut n = 1;
//!             loop {
//!                 if n < number { *state = State::S0((n, number)); return Yielded(n); }
//!                 else { break }
//!             }
//!             return Complete(());
//!         }
//!         State::S0((s1, s2)) => {
//!             let number = s2;                    // restored in its own scope,
//!             let mut n = s1;                     // in declaration order
//!             'exit: {
//!                 { resume_arg(arg); n += 2; }    // the rest of this iteration
//!                 loop { /* the loop again, as written */ }
//!             }
//!             return Complete(());
//!         }
//!         ..
//!     }
//! })
//! ```
//!
//! Each resume arm runs the continuation of its suspension point: the rest of every enclosing
//! block, innermost first, each in its own scope with the bindings it had restored (or declared
//! unassigned, when the continuation only assigns them); an enclosing loop contributes the rest
//! of the current iteration, then the loop itself, re-emitted as the user wrote it, with the
//! jumps out of the unrolled iteration retargeted to labels around it.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};

use crate::flow::{Analysis, Origin};
use crate::in_place::{self, InPlace};
use crate::ir::{BindingId, Block, Body, Stmt, StmtKind, SuspendId};
use crate::jumps::{self, Jump};
use crate::names;
use crate::signature::{Form, GenSig};

/// A callback handed each jump out of a code fragment.
type JumpVisitor<'a> = dyn FnMut(Jump<'_>) + 'a;

/// Emits the body of the generator function: the state enum, the step closure, and the
/// returned generator.
pub fn emit(body: &Body, analysis: &Analysis, sig: &GenSig, krate: &syn::Path) -> TokenStream {
    let mut emitter = Emitter {
        body,
        analysis,
        sig,
        krate,
        frames: Vec::new(),
        label_count: 0,
        in_place: None,
        constructed: BTreeSet::new(),
        completes_in_place: false,
    };
    emitter.function_body()
}

/// Identifiers of the generated code: mixed-site, so user code cannot name them.
struct Names {
    state_ty: syn::Ident,
    state: syn::Ident,
    arg: syn::Ident,
    yielded: syn::Ident,
    generator: syn::Ident,
}

impl Names {
    fn new() -> Self {
        let ident = |name: &str| syn::Ident::new(name, Span::mixed_site());
        Names {
            state_ty: ident("__State"),
            state: names::state_var(),
            arg: ident("__resume"),
            yielded: ident("__yielded"),
            generator: ident("__generator"),
        }
    }
}

/// How an enclosing loop is emitted in the arm being built.
#[derive(Clone)]
enum Mode {
    /// As written: jumps to it stay.
    Native,
    /// Unrolled: the rest of the current iteration sits in a block labeled `iter`, inside one
    /// labeled `exit`; `continue` leaves `iter`, `break` leaves `exit`.
    Unrolled {
        exit: syn::Lifetime,
        iter: syn::Lifetime,
        exit_used: bool,
        iter_used: bool,
    },
}

struct Frame {
    label: Option<String>,
    is_loop: bool,
    mode: Mode,
    /// Whether a `break` to it was emitted in [`Mode::Native`].
    broken: bool,
}

impl Frame {
    fn new(label: Option<&syn::Lifetime>, is_loop: bool, mode: Mode) -> Self {
        Frame {
            label: label.map(|l| l.ident.to_string()),
            is_loop,
            mode,
            broken: false,
        }
    }
}

/// A match arm of the step closure: the variant (`None` for `Start`), the patterns of its
/// fields by binding, and the code.
struct ArmCode {
    variant: Option<SuspendId>,
    fields: BTreeMap<BindingId, TokenStream>,
    body: TokenStream,
}

/// Emitted code, the IR bindings it mentions, and whether control never reaches its end.
/// Both are facts about the code as emitted: a copy of a loop cut after a suspension point may
/// have lost the `break` the source has, and then it diverges.
///
/// Every IR statement is emitted as a statement, ending in `;`: as the last one of a block it
/// would otherwise be the block's value (a loop's `break` value, or `()` where the block
/// diverges and must not have one).
struct Code {
    tokens: TokenStream,
    mentions: BTreeSet<BindingId>,
    diverges: bool,
}

struct Emitter<'a> {
    body: &'a Body,
    analysis: &'a Analysis,
    sig: &'a GenSig,
    krate: &'a syn::Path,
    frames: Vec<Frame>,
    label_count: usize,
    /// The in-place arm being emitted, if any.
    in_place: Option<InPlaceArm>,
    /// The suspension points whose variant the code emitted so far builds.
    constructed: BTreeSet<SuspendId>,
    /// Some in-place arm can complete the generator while it keeps values in the state.
    completes_in_place: bool,
}

/// The state of an in-place arm's emission.
struct InPlaceArm {
    k: SuspendId,
    plan: InPlace,
    /// Inside the loop that stays in place: mentions of saved values go through references.
    rewriting: bool,
    /// How many frames enclose that loop: a jump to one of them leaves the loop other than
    /// by ending it, which this arm does not handle.
    outer_frames: usize,
    /// Such a jump was emitted: the arm falls back to moving values.
    escaped: bool,
    /// The loop can end, so the arm moves the values out after it and declares their
    /// bindings; a loop that never ends needs neither.
    moved_out: bool,
}

impl Emitter<'_> {
    fn function_body(&mut self) -> TokenStream {
        let krate = self.krate;
        let Names {
            state_ty,
            state,
            arg,
            generator,
            ..
        } = &Names::new();

        // Arms for the suspension points the start arm reaches, directly or through other
        // arms: a suspension point in unreachable code has no variant and no arm.
        let mut arms = vec![(self.start_arm(), false)];
        let mut reach = vec![std::mem::take(&mut self.constructed)];
        let mut resume_arms = Vec::new();
        for k in 0..self.body.suspends.len() {
            let arm = match self.in_place_arm(k) {
                Some(arm) => (arm, true),
                None => (self.resume_arm(k), false),
            };
            resume_arms.push(arm);
            reach.push(std::mem::take(&mut self.constructed));
        }
        let mut reachable = BTreeSet::new();
        let mut work: Vec<SuspendId> = reach[0].iter().copied().collect();
        while let Some(k) = work.pop() {
            if reachable.insert(k) {
                work.extend(reach[k + 1].iter().copied());
            }
        }
        arms.extend(
            resume_arms
                .into_iter()
                .enumerate()
                .filter(|(k, _)| reachable.contains(k))
                .map(|(_, arm)| arm),
        );

        // One generic parameter per stored value: inference fills them in from the closure.
        let saved_ids: BTreeSet<BindingId> = reachable
            .iter()
            .flat_map(|&k| self.analysis.saved[k].iter().copied())
            .collect();
        let param_ids = &self.body.params;
        let generic = |id: BindingId| format_ident!("__T{}", id, span = Span::mixed_site());
        let generics: Vec<syn::Ident> = param_ids
            .iter()
            .chain(saved_ids.iter().filter(|id| !param_ids.contains(id)))
            .map(|&id| generic(id))
            .collect();
        let field_ty = |id| {
            let ty = generic(id);
            Some(quote!(#ty))
        };
        let start_payload = self.payload(None, field_ty);
        let variants = reachable
            .iter()
            .map(|&k| {
                let variant = variant(k);
                let payload = self.payload(Some(k), field_ty);
                quote!(#variant #payload)
            })
            .collect::<Vec<_>>();
        let infer: Vec<TokenStream> = generics.iter().map(|_| quote!(_)).collect();
        // A generator that delegates (even only in code that never runs: its resume values are
        // typed as entries all the same) takes an `Entry`; any other an `Option`.
        let delegating = self.body.suspends.iter().any(|s| s.delegate.is_some());
        let entry_ty = if delegating {
            quote!(Entry)
        } else {
            quote!(Option)
        };

        let start_values: BTreeMap<BindingId, TokenStream> = param_ids
            .iter()
            .copied()
            .zip(self.sig.args.iter().map(|arg| match &arg.pat {
                None => quote!(self),
                Some(syn::Pat::Ident(p)) if p.by_ref.is_none() && p.subpat.is_none() => {
                    let ident = &p.ident;
                    quote!(#ident)
                }
                Some(_) => {
                    let stored = &arg.stored;
                    quote!(#stored)
                }
            }))
            .collect();
        let initial = self.variant_with(None, |id| start_values.get(&id).cloned());
        let done_after_step = self.completes_in_place;
        // Without an in-place arm, every arm moves its values out of the state, and the step
        // can run on a copy (see `StateMachine::GUARDED` and `poison_on_panic`). A generator
        // that delegates keeps the guard: its runtime resumes delegates inside the state.
        let guarded = delegating || arms.iter().any(|(_, in_place)| *in_place);
        let dispatch = self.dispatch(arms);
        let resume_ty = self.nameable_or_infer(&self.sig.resume_ty);
        let yield_ty = self.nameable_or_infer(&self.sig.yield_ty);
        let return_ty = self.nameable_or_infer(&self.sig.return_ty);
        let wrap = match self.sig.form {
            Form::Generator => quote!(#generator),
            Form::Iterator => quote!(#krate::__private::into_iter(#generator)),
        };
        let relocate = delegating.then(|| {
            let relocate = names::relocate_var();
            quote!(, #relocate: &mut bool)
        });
        let step_ty = quote!(#krate::__private::GeneratorState<#yield_ty, #return_ty>);
        let erased_step = self.erased_step();
        let body = if guarded {
            dispatch
        } else {
            let on_copy = quote! {
                #krate::__private::poison_on_panic(
                    #state,
                    // Called once. Inlined, the copy of a small state lives in registers:
                    // forced in builds without debug assertions (LLVM's inliner takes it
                    // anyway, but rustc then does 1.2% more work on a crate of small
                    // generators). At `-O0`, where nothing else inlines it, forcing it cost
                    // debug builds 6% of rustc's instructions.
                    #[cfg_attr(not(debug_assertions), inline(always))]
                    move |#state| -> #step_ty { #dispatch },
                )
            };
            if erased_step {
                quote!(#krate::__private::Stepped::new(#on_copy))
            } else {
                on_copy
            }
        };
        let step = if erased_step {
            // The state comes untyped and the return type names it: see
            // `gen_core::__private::{Delegating, ErasedGenerated}`. A guarded body's `return`s
            // make that type (`__yield` and `__complete`, imported below); the first `return`
            // ties the state's type to it before the body needs its fields.
            let erased = syn::Ident::new("__erased_state", Span::mixed_site());
            let wrong = syn::Ident::new("__wrong", Span::mixed_site());
            quote! {
                move |#erased: #krate::__private::StateRef<'_>, #arg: #krate::__private::#entry_ty<#resume_ty> #relocate|
                    -> #krate::__private::Stepped<#state_ty<#(#infer),*>, #yield_ty, #return_ty>
                {
                    let #state: &mut #state_ty<#(#infer),*> =
                        match #krate::__private::StateRef::get(#erased) {
                            #krate::__private::Ok(#state) => #state,
                            #krate::__private::Err(#wrong) => return #wrong.report(),
                        };
                    #body
                }
            }
        } else {
            quote! {
                move |#state: &mut #state_ty<#(#infer),*>, #arg: #krate::__private::#entry_ty<#resume_ty> #relocate|
                    -> #step_ty
                {
                    #body
                }
            }
        };
        // A generator that delegates holds its chain below in its state: ending it stores the
        // tag alone (see `StateMachine::set_done`). Others keep the trait's defaults, which
        // cost nothing to compile.
        let set_ended = delegating.then(|| {
            quote! {
                #[inline(always)]
                fn set_done(&mut self) {
                    *self = #state_ty::Done;
                }
                #[inline(always)]
                fn set_poisoned(&mut self) {
                    *self = #state_ty::Poisoned;
                }
            }
        });
        let generator_value = if delegating {
            // The step closure is left to LLVM's inliner, as every other step is. Forced inline
            // (e5d7646), it was copied into every caller of `start` and `resume`: rustc took 9%
            // more instructions on a crate of 200 delegating generators and a chain of 32
            // levels built 4x slower, for no gain per item (BENCHMARKS.md, "Delegation chains").
            let slots = self.slot_finder(&reachable, &infer, &resume_ty, &yield_ty);
            quote!(#krate::__private::delegating(#initial, #step, #slots))
        } else if erased_step {
            quote!(#krate::__private::generated_erased(#initial, #step))
        } else {
            quote!(#krate::__private::generated(#initial, #step))
        };
        // What the body's `return`s call: see `names::complete_fn`.
        let complete = names::complete_fn(Span::call_site());
        let yield_fn = names::yield_fn();
        let (complete_source, yield_source) = if erased_step && guarded {
            (quote!(complete_stepped), quote!(yielded))
        } else {
            (quote!(complete), quote!(yielded_plain))
        };
        let yield_import = erased_step.then(|| quote!(#yield_source as #yield_fn,));
        // An explicit tag, never one in a niche of a field: a tag inside a `String`'s bytes is
        // decoded from memory on every resume wherever the state's address escapes
        // (BENCHMARKS.md, item 4 of "What the slow cells did"). Not for a generator that
        // delegates: with it, LLVM's scalar evolution follows a driving loop through the
        // chain's loops deeply enough that a function driving 100 delegating generators in a
        // row overflowed rustc's stack (rust-lang/rust#94923), where the same loops written
        // by hand take 400.
        let repr = (!delegating).then(|| quote!(#[repr(usize)]));
        quote! {
            // The traits `yield_from!` and position walks probe by method resolution, and the
            // completion the step's `return`s call.
            #[allow(unused_imports)]
            use #krate::__private::{
                ViaGenerator as _, ViaIndex as _, ViaIterable as _, ViaIterator as _,
                ViaNeither as _, #complete_source as #complete, #yield_import
            };
            #[derive(Clone)]
            #repr
            #[allow(non_snake_case, clippy::large_enum_variant)]
            enum #state_ty<#(#generics),*> {
                Start #start_payload,
                #(#variants,)*
                Poisoned,
                Done,
            }
            impl<#(#generics),*> #krate::__private::StateMachine for #state_ty<#(#generics),*> {
                const DONE: Self = #state_ty::Done;
                const POISONED: Self = #state_ty::Poisoned;
                const DONE_AFTER_STEP: bool = #done_after_step;
                const GUARDED: bool = #guarded;
                #set_ended
            }
            let #generator = #generator_value;
            #wrap
        }
    }

    /// The closure that finds the innermost running delegate below the current variant, for
    /// the runtime's direct resume of the innermost delegate of a chain. A closure, so that the
    /// delegate's yield type may be a subtype of the generator's (`&'static str` for `&'a str`).
    fn slot_finder(
        &self,
        reachable: &BTreeSet<SuspendId>,
        infer: &[TokenStream],
        resume_ty: &TokenStream,
        yield_ty: &TokenStream,
    ) -> TokenStream {
        let krate = self.krate;
        let Names {
            state_ty, state, ..
        } = &Names::new();
        let slot = syn::Ident::new("__slot", Span::mixed_site());
        // The suspension points of `yield_from!`s that have a variant, with their delegate.
        let arms = reachable
            .iter()
            .filter_map(|&k| Some((k, self.body.suspends[k].delegate?)))
            .filter(|&(k, d)| self.analysis.saved[k].contains(&d))
            .map(|(k, d)| {
                let span = self.body.suspends[k].span;
                let pattern = self.variant_with(Some(k), |id| (id == d).then(|| quote!(#slot)));
                // Located at the operand, like the delegate's start, so that a delegate that is
                // no generator is reported once, there; and typed there, so that one whose
                // values would need a coercion (not only a shorter lifetime) is reported there.
                // The braces keep the argument's location; rustc would call them unnecessary.
                let at = crate::args::path_at(krate, span);
                let leaf = quote_spanned! {span=>
                    {
                        let __leaf: #at::__private::Option<
                            #at::__private::Leaf<#resume_ty, #yield_ty>,
                        > = #at::__private::Delegate::leaf::<#resume_ty>({ #slot });
                        __leaf
                    }
                };
                quote! {
                    #[allow(unused_braces)]
                    #pattern => #leaf,
                }
            });
        quote! {
            |#state: &mut #state_ty<#(#infer),*>|
                -> #krate::__private::Option<#krate::__private::Leaf<#resume_ty, #yield_ty>>
            {
                match #state {
                    #(#arms)*
                    _ => #krate::__private::None,
                }
            }
        }
    }

    /// The step closure's `match`, arms in source order (inference types a variant's fields
    /// where it is first built). Without in-place arms, it matches on the state moved out of
    /// `state`; with them, on `state` itself, and the other arms move their variant out.
    fn dispatch(&self, arms: Vec<(ArmCode, bool)>) -> TokenStream {
        let krate = self.krate;
        let Names {
            state_ty, state, ..
        } = &Names::new();
        let any_in_place = arms.iter().any(|(_, in_place)| *in_place);
        let arms = arms.into_iter().map(|(arm, in_place)| {
            let ArmCode {
                variant,
                fields,
                body,
            } = arm;
            let pattern = self.variant_with(variant, |id| fields.get(&id).cloned());
            if !any_in_place || in_place {
                quote!(#pattern => { #body })
            } else {
                let name = variant_name(variant);
                quote! {
                    #state_ty::#name(..) => {
                        let #pattern =
                            #krate::__private::replace(#state, #state_ty::Poisoned)
                        else {
                            ::core::unreachable!()
                        };
                        #body
                    }
                }
            }
        });
        let scrutinee = if any_in_place {
            quote!(#state)
        } else {
            quote!(#krate::__private::replace(#state, #state_ty::Poisoned))
        };
        let end = format_ident!("__end", span = Span::mixed_site());
        quote! {
            match #scrutinee {
                #(#arms)*
                #end @ (#state_ty::Poisoned | #state_ty::Done) => {
                    #krate::__private::resumed_after_end(::core::matches!(#end, #state_ty::Done))
                }
            }
        }
    }

    fn nameable_or_infer(&self, ty: &syn::Type) -> TokenStream {
        if GenSig::nameable(ty) {
            quote!(#ty)
        } else {
            quote!(_)
        }
    }

    /// Variant `k` (`None`: `Start`) as a pattern or a value, with `of(binding)` in each
    /// stored binding's place, or `_` where it gives none: see [`Self::payload`].
    fn variant_with(
        &self,
        k: Option<SuspendId>,
        of: impl FnMut(BindingId) -> Option<TokenStream>,
    ) -> TokenStream {
        let state_ty = &Names::new().state_ty;
        let name = variant_name(k);
        let payload = self.payload(k, of);
        quote!(#state_ty::#name #payload)
    }

    /// The fields of variant `k` (`None`: `Start`): `(d, (a, b, c))`. A `yield_from!`'s
    /// delegate is a field of its own, every other stored binding goes in one tuple (a lone
    /// one stands alone). `#[repr(usize)]` keeps a variant's fields in declaration order; a
    /// tuple is laid out as rustc likes. The delegate stays out of it so that a chain's types
    /// nest no deeper than they would without the tuple: each level deeper counts against
    /// rustc's recursion limit.
    fn payload(
        &self,
        k: Option<SuspendId>,
        mut of: impl FnMut(BindingId) -> Option<TokenStream>,
    ) -> TokenStream {
        let mut item = |id| of(id).unwrap_or_else(|| quote!(_));
        let stored: Vec<BindingId> = match k {
            None => self.body.params.clone(),
            Some(k) => self.analysis.saved[k].iter().rev().copied().collect(),
        };
        let delegate = k
            .and_then(|k| self.body.suspends[k].delegate)
            .filter(|d| stored.contains(d));
        let mut fields: Vec<TokenStream> = delegate.map(&mut item).into_iter().collect();
        let rest: Vec<BindingId> = stored
            .into_iter()
            .filter(|&id| Some(id) != delegate)
            .collect();
        match rest.as_slice() {
            [] if delegate.is_some() => {}
            [one] => fields.push(item(*one)),
            _ => {
                let items: Vec<TokenStream> = rest.iter().map(|&id| item(id)).collect();
                fields.push(quote!((#(#items,)*)));
            }
        }
        quote!((#(#fields),*))
    }

    /// The name a resume arm gives a stored value until its scope restores it.
    fn stored(&self, id: BindingId) -> syn::Ident {
        format_ident!("__stored{}", id, span = Span::mixed_site())
    }

    fn completion(&self) -> TokenStream {
        let state = names::state_var();
        let complete = names::complete_fn(Span::call_site());
        quote! {
            #[allow(unreachable_code)]
            return #complete(#state, ());
        }
    }

    fn start_arm(&mut self) -> ArmCode {
        let krate = self.krate;
        let arg = &Names::new().arg;
        let fields = self
            .body
            .params
            .iter()
            .map(|&id| {
                let ident = &self.body.bindings[id].ident;
                (id, quote!(#ident))
            })
            .collect();
        let Code {
            tokens: code,
            diverges,
            ..
        } = self.full_block(&self.body.root);
        let end = (!diverges).then(|| self.completion());
        ArmCode {
            variant: None,
            fields,
            body: quote! {
                #krate::__private::start_arg(#arg);
                #code
                #end
            },
        }
    }

    fn resume_arm(&mut self, k: SuspendId) -> ArmCode {
        let saved = &self.analysis.saved[k];
        let fields = saved
            .iter()
            .map(|&id| {
                let stored = self.stored(id);
                (id, quote!(#stored))
            })
            .collect();
        let path = find_path(&self.body.root, k).expect("every suspension point is in the body");
        let cont = self.cont(k, &self.body.root, &path);
        ArmCode {
            variant: Some(k),
            fields,
            body: self.resume_body(k, cont),
        }
    }

    /// A resume arm's code around its continuation.
    fn resume_body(&self, k: SuspendId, cont: Code) -> TokenStream {
        // Stored arguments (the receiver) live outside the body's scope.
        let params = self.restore(k, &self.body.params, &cont.mentions);
        let end = (!cont.diverges).then(|| self.completion());
        let code = cont.tokens;
        // The copy of user code here is not where users read warnings about it.
        quote! {
            #[allow(unreachable_code)]
            {
                #params
                #code
                #end
            }
        }
    }

    /// Resume arm `k` run in place, if it can be.
    ///
    /// ```text
    /// if let State::Sk { a: ra, .. } = state {      // references into the stored variant
    ///     let a;                                    // declared in its scope, assigned later
    ///     'exit: { .. the loop, using (*ra) .. }    // suspends with `return` only
    ///     let State::Sk { a: sa, .. } = replace(state, Poisoned) else { unreachable!() };
    ///     a = sa;                                   // moved out once the loop is done
    ///     .. the rest ..
    /// }
    /// ```
    fn in_place_arm(&mut self, k: SuspendId) -> Option<ArmCode> {
        let path = find_path(&self.body.root, k).expect("every suspension point is in the body");
        let plan = in_place::plan(self.body, self.analysis, k, &path)?;
        self.in_place = Some(InPlaceArm {
            k,
            plan,
            rewriting: false,
            outer_frames: 0,
            escaped: false,
            moved_out: false,
        });
        let cont = self.cont(k, &self.body.root, &path);
        // Assembled while the arm is still in place: the stored arguments are declared the
        // in-place way too.
        let body = self.resume_body(k, cont);
        let arm = self.in_place.take().expect("set above");
        if arm.escaped {
            return None;
        }
        self.completes_in_place |= arm.plan.completes_inside;
        let fields = arm
            .plan
            .refs
            .iter()
            .map(|(&id, r)| (id, quote!(#r)))
            .collect();
        Some(ArmCode {
            variant: Some(k),
            fields,
            body,
        })
    }

    /// The delegate of `yield_from!` suspension point `k`, when it is all the point saves. Once
    /// the loop around the point ends, the delegate has completed and nothing reads it again:
    /// the in-place arm drops it where it is, instead of moving the whole state out to reach
    /// it (a copy per level of a chain that is finishing).
    fn dead_delegate(&self, k: SuspendId) -> Option<BindingId> {
        let delegate = self.body.suspends[k].delegate?;
        (self.analysis.saved[k] == [delegate]).then_some(delegate)
    }

    /// Moves what an in-place arm kept in the state into the bindings declared for it.
    fn move_out(&self, k: SuspendId) -> TokenStream {
        let krate = self.krate;
        let Names {
            state_ty, state, ..
        } = &Names::new();
        if self.dead_delegate(k).is_some() {
            // Where the moved delegate would have dropped: its block ends with the loop.
            return quote!(*#state = #state_ty::Poisoned;);
        }
        let saved = &self.analysis.saved[k];
        let pattern = self.variant_with(Some(k), |id| {
            let stored = self.stored(id);
            Some(quote!(#stored))
        });
        // Assigned even when nothing reads them: they drop at the end of their own scope.
        let assigns = saved.iter().map(|&id| {
            let ident = &self.body.bindings[id].ident;
            let stored = self.stored(id);
            quote!(#[allow(unused_assignments)] { #ident = #stored; })
        });
        quote! {
            let #pattern =
                #krate::__private::replace(#state, #state_ty::Poisoned)
            else {
                ::core::unreachable!()
            };
            #(#assigns)*
        }
    }

    /// Restores the stored bindings among `declared` and declares, unassigned, those the
    /// continuation mentions without needing their value.
    fn restore(
        &self,
        k: SuspendId,
        declared: &[BindingId],
        mentioned: &BTreeSet<BindingId>,
    ) -> TokenStream {
        let saved = &self.analysis.saved[k];
        declared
            .iter()
            .filter_map(|&id| {
                let binding = &self.body.bindings[id];
                let ident = &binding.ident;
                let mutability = binding.mutable.then(|| quote!(mut));
                let in_place = self.in_place.as_ref();
                if saved.contains(&id) && in_place.is_none() {
                    let stored = self.stored(id);
                    Some(quote! {
                        #[allow(unused_mut, clippy::no_effect_underscore_binding)]
                        let #mutability #ident = #stored;
                    })
                } else if saved.contains(&id) && in_place.is_some_and(|a| !a.moved_out) {
                    // Only ever used through its reference inside a loop that never ends.
                    None
                } else if in_place.is_some() && self.dead_delegate(k) == Some(id) {
                    // Dropped in the state, never moved out (see `move_out`).
                    None
                } else if saved.contains(&id) || mentioned.contains(&id) {
                    // In an in-place arm, a saved binding is assigned after its loop and may
                    // not be read again.
                    let ty = binding.ty.as_ref().map(|ty| quote!(: #ty));
                    Some(quote! {
                        #[allow(unused_mut, unused_variables)]
                        let #mutability #ident #ty;
                    })
                } else {
                    None
                }
            })
            .collect()
    }

    // ----- continuation of a suspension point -----

    fn cont(&mut self, k: SuspendId, block: &Block, path: &[(usize, usize)]) -> Code {
        let (index, child) = path[0];
        let stmt = &block.stmts[index];
        let inner = match &stmt.kind {
            StmtKind::Yield { id, resume, .. } => Code {
                tokens: self.resume_value(*id, *resume),
                mentions: BTreeSet::new(),
                diverges: false,
            },
            StmtKind::If { then, els, .. } => {
                let branch = if child == 0 {
                    then
                } else {
                    els.as_ref().expect("the path goes through the else branch")
                };
                braced(self.cont(k, branch, &path[1..]))
            }
            StmtKind::Match { arms, .. } => braced(self.cont(k, &arms[child].body, &path[1..])),
            StmtKind::Block(inner) => braced(self.cont(k, inner, &path[1..])),
            StmtKind::Labeled { label, body, .. } => {
                self.frames
                    .push(Frame::new(Some(label), false, Mode::Native));
                let inner = self.cont(k, body, &path[1..]);
                let frame = self.frames.pop().expect("pushed above");
                let tokens = inner.tokens;
                Code {
                    tokens: quote!(#[allow(unused_labels)] #label: { #tokens };),
                    mentions: inner.mentions,
                    diverges: inner.diverges && !frame.broken,
                }
            }
            StmtKind::Loop { label, body, .. } => {
                let in_place_here = self
                    .in_place
                    .as_ref()
                    .is_some_and(|a| a.plan.loop_stmt == stmt.id);
                if in_place_here {
                    let outer = self.frames.len();
                    if let Some(arm) = &mut self.in_place {
                        arm.rewriting = true;
                        arm.outer_frames = outer;
                    }
                    let mut region = self.cont_loop(k, stmt, label.as_ref(), body, &path[1..]);
                    if let Some(arm) = &mut self.in_place {
                        arm.rewriting = false;
                    }
                    if !region.diverges {
                        region.tokens.extend(self.move_out(k));
                        let dead = self.dead_delegate(k);
                        region.mentions.extend(
                            self.analysis.saved[k]
                                .iter()
                                .copied()
                                .filter(|&id| Some(id) != dead),
                        );
                        if let Some(arm) = &mut self.in_place {
                            arm.moved_out = true;
                        }
                    }
                    region
                } else {
                    self.cont_loop(k, stmt, label.as_ref(), body, &path[1..])
                }
            }
            StmtKind::Plain { .. } => unreachable!("a path never ends in a plain statement"),
        };

        // The statements after the path in this block, as written; after a statement that
        // never completes, they never run (see `full_stmts`).
        let rest = if !inner.diverges {
            self.full_stmts(&block.stmts[index + 1..])
        } else if self.reaches_next(Origin::Suspension(k), &block.stmts, index)
            && !self.values_in_place()
        {
            let rest = self.full_stmts(&block.stmts[index + 1..]);
            let tokens = rest.tokens;
            Code {
                tokens: quote!(#[allow(unreachable_code)] { #tokens };),
                mentions: rest.mentions,
                diverges: true,
            }
        } else {
            Code {
                tokens: TokenStream::new(),
                mentions: BTreeSet::new(),
                diverges: true,
            }
        };
        let mut mentions = inner.mentions;
        mentions.extend(rest.mentions);
        // The bindings this block declared before the path, restored in its scope.
        let declared: Vec<BindingId> = block
            .entry_bindings
            .iter()
            .copied()
            .chain(block.stmts[..index].iter().flat_map(declared_by))
            .collect();
        let restore = self.restore(k, &declared, &mentions);
        let inner_tokens = inner.tokens;
        let rest_tokens = rest.tokens;
        Code {
            tokens: quote!(#restore #inner_tokens #rest_tokens),
            mentions,
            diverges: rest.diverges,
        }
    }

    /// A suspension point inside a loop: the rest of this iteration, then the loop again.
    ///
    /// ```text
    /// 'exit: {
    ///     'iter: { <rest of the iteration> }   // `continue` → `break 'iter`, `break` → `break 'exit`
    ///     'label: loop { <body as written> }
    /// }
    /// ```
    fn cont_loop(
        &mut self,
        k: SuspendId,
        stmt: &Stmt,
        label: Option<&syn::Lifetime>,
        body: &Block,
        path: &[(usize, usize)],
    ) -> Code {
        let exit = self.label("exit");
        let iter = self.label("iter");
        let unrolled = Mode::Unrolled {
            exit: exit.clone(),
            iter: iter.clone(),
            exit_used: false,
            iter_used: false,
        };
        self.frames.push(Frame::new(label, true, unrolled));
        let tail = self.cont(k, body, path);
        let frame = self.frames.last_mut().expect("pushed above");
        let Mode::Unrolled {
            exit_used,
            iter_used,
            ..
        } = std::mem::replace(&mut frame.mode, Mode::Native)
        else {
            unreachable!("the frame pushed above is unrolled")
        };
        // The loop runs again unless the rest of the iteration never ends. (Code there that
        // never runs may still end it in rustc's eyes: a labelled block left by a `break`
        // that never runs.)
        let again = self.analysis.repeats(k, stmt.id);
        let native = again.then(|| self.full_block(body));
        let broken = self.frames.pop().expect("pushed above").broken;

        let mut mentions = tail.mentions;
        let tail_tokens = tail.tokens;
        let mut tokens = if iter_used {
            quote!(#iter: { #tail_tokens })
        } else {
            quote!({ #tail_tokens })
        };
        if let Some(native) = native {
            mentions.extend(&self.analysis.mentions[stmt.id]);
            mentions.extend(native.mentions);
            let label = label.map(|l| quote!(#l:));
            let native = native.tokens;
            tokens.extend(quote!(#[allow(unused_labels)] #label loop { #native };));
        } else if !tail.diverges {
            // Only code that never runs reaches the end of the iteration: tell rustc, or it
            // would type the code after the loop in this arm, which keeps nothing for it.
            tokens.extend(quote!(::core::unreachable!();));
        }
        if exit_used {
            tokens = quote!(#exit: { #tokens };);
        }
        Code {
            tokens,
            mentions,
            diverges: !(exit_used || again && broken),
        }
    }

    fn label(&mut self, what: &str) -> syn::Lifetime {
        self.label_count += 1;
        syn::Lifetime::new(
            &format!("'__{}{}", what, self.label_count),
            Span::mixed_site(),
        )
    }

    // ----- statements as written -----

    /// Whether the saved values are only reachable through the state here: inside an in-place
    /// arm, outside its loop, which never ends (so they were never moved back out). Code that
    /// never runs and mentions them is not emitted there.
    fn values_in_place(&self) -> bool {
        self.in_place
            .as_ref()
            .is_some_and(|arm| !arm.rewriting && !arm.moved_out)
    }

    /// Whether the statements after `stmts[index]`, which never run, are emitted in code
    /// starting `from`: when the analysis sees it reach them, and keeps what they mention.
    fn reaches_next(&self, from: Origin, stmts: &[Stmt], index: usize) -> bool {
        stmts[index].diverges
            && stmts
                .get(index + 1)
                .is_some_and(|next| self.analysis.reaches(from, next.id))
    }

    /// A block's statements, up to a suspension point.
    fn full_block(&mut self, block: &Block) -> Code {
        self.full_stmts(&block.stmts)
    }

    /// Statements as written, up to a suspension point. A `let x;` whose binding
    /// nothing emitted after it mentions is left out: its type could not be inferred.
    fn full_stmts(&mut self, stmts: &[Stmt]) -> Code {
        let mut emitted: Vec<(Option<&[BindingId]>, Code)> = Vec::new();
        // Code after a suspension point belongs to the arm that resumes there. Code written
        // after a `return` or `break` never runs, but rustc type-checks it and infers types
        // from it, so it is emitted in the arms that reach it (see `reaches_next`); after our
        // own `return` of a suspension point, without rustc's warning that it is unreachable.
        let mut reachable = stmts.len();
        for (i, stmt) in stmts.iter().enumerate() {
            let code = self.full_stmt(stmt);
            let diverges = code.diverges;
            let never_runs =
                matches!(stmt.kind, StmtKind::Yield { id, .. } if !self.analysis.runs[id]);
            if (diverges && stmt.suspends() || never_runs) && reachable > i {
                reachable = i + 1;
            }
            emitted.push((uninit_declares(stmt), code));
            if diverges && !self.reaches_next(Origin::Stmt(stmt.id), stmts, i) {
                break;
            }
        }
        let mut later = BTreeSet::new();
        let mut kept = Vec::new();
        for (i, (declares, code)) in emitted.into_iter().enumerate().rev() {
            if let Some(declares) = declares
                && !declares.iter().any(|id| later.contains(id))
            {
                continue;
            }
            later.extend(code.mentions.iter().copied());
            kept.push((i, code));
        }
        kept.reverse();
        let diverges = kept.iter().any(|(_, c)| c.diverges);
        let (before, after): (Vec<_>, Vec<_>) = kept.into_iter().partition(|(i, _)| *i < reachable);
        let mut tokens: TokenStream = before.into_iter().map(|(_, c)| c.tokens).collect();
        if !after.is_empty() {
            // Code after our own `return` of a suspension point: rustc's warning that it is
            // unreachable would point at the attribute.
            let after = after.into_iter().map(|(_, c)| c.tokens);
            tokens.extend(quote!(#[allow(unreachable_code)] { #(#after)* };));
        }
        Code {
            tokens,
            mentions: later,
            diverges,
        }
    }

    fn full_stmt(&mut self, stmt: &Stmt) -> Code {
        let own = self.analysis.mentions[stmt.id].clone();
        let (tokens, mentions, diverges) = match &stmt.kind {
            StmtKind::Plain {
                stmt: plain,
                declares,
            } => {
                let mut plain = plain.clone();
                self.retarget(&mut |f| jumps::escaping_in_stmt(&mut plain, f));
                if let Some(arm) = &self.in_place
                    && arm.rewriting
                {
                    syn::visit_mut::VisitMut::visit_stmt_mut(
                        &mut in_place::Rewrite::new(self.body, &arm.plan),
                        &mut plain,
                    );
                }
                // A `mut` binding whose scope spans a suspension point may be mutated only in
                // another arm's copy of the code.
                if let syn::Stmt::Local(local) = &mut plain
                    && declares.iter().any(|&id| {
                        self.body.bindings[id].mutable && self.analysis.crossing.contains(&id)
                    })
                {
                    local.attrs.push(syn::parse_quote!(#[allow(unused_mut)]));
                }
                (quote!(#plain), own, stmt.diverges)
            }
            StmtKind::Yield { id, value, resume } if !self.analysis.runs[*id] => {
                (self.never_suspends(*id, value, *resume), own, false)
            }
            StmtKind::Yield { id, value, .. } => {
                let mut mentions = own;
                mentions.extend(self.analysis.saved[*id].iter().copied());
                (self.suspend(*id, value), mentions, true)
            }
            StmtKind::If { cond, then, els } => {
                let cond = self.fragment(cond);
                let then = self.full_block(then);
                let els = els.as_ref().map(|els| self.full_block(els));
                let mut mentions = own;
                mentions.extend(then.mentions);
                let diverges = then.diverges && els.as_ref().is_some_and(|e| e.diverges);
                let then = then.tokens;
                let els = els.map(|els| {
                    mentions.extend(els.mentions);
                    let tokens = els.tokens;
                    quote!(else { #tokens })
                });
                (quote!(if #cond { #then } #els;), mentions, diverges)
            }
            StmtKind::Match { scrutinee, arms } => {
                let scrutinee = self.fragment(scrutinee);
                let mut mentions = own;
                let mut diverges = !arms.is_empty();
                let arms: Vec<TokenStream> = arms
                    .iter()
                    .map(|arm| {
                        let attrs = &arm.attrs;
                        let pat = &arm.pat;
                        let guard = arm.guard.as_ref().map(|g| {
                            let g = self.fragment(g);
                            quote!(if #g)
                        });
                        let body = self.full_block(&arm.body);
                        mentions.extend(body.mentions);
                        diverges &= body.diverges;
                        let body = body.tokens;
                        quote!(#(#attrs)* #pat #guard => { #body })
                    })
                    .collect();
                (quote!(match #scrutinee { #(#arms)* };), mentions, diverges)
            }
            StmtKind::Loop { label, body, .. } => {
                self.frames
                    .push(Frame::new(label.as_ref(), true, Mode::Native));
                let body = self.full_block(body);
                let broken = self.frames.pop().expect("pushed above").broken;
                let mut mentions = own;
                mentions.extend(body.mentions);
                let label = label.as_ref().map(|l| quote!(#[allow(unused_labels)] #l:));
                let body = body.tokens;
                (quote!(#label loop { #body };), mentions, !broken)
            }
            StmtKind::Labeled { label, body, .. } => {
                self.frames
                    .push(Frame::new(Some(label), false, Mode::Native));
                let body = self.full_block(body);
                let broken = self.frames.pop().expect("pushed above").broken;
                let mut mentions = own;
                mentions.extend(body.mentions);
                let diverges = body.diverges && !broken;
                let body = body.tokens;
                (
                    quote!(#[allow(unused_labels)] #label: { #body };),
                    mentions,
                    diverges,
                )
            }
            StmtKind::Block(block) => {
                let body = self.full_block(block);
                let mut mentions = own;
                mentions.extend(body.mentions);
                let tokens = body.tokens;
                (quote!({ #tokens };), mentions, body.diverges)
            }
        };
        Code {
            tokens,
            mentions,
            diverges,
        }
    }

    /// A yield-free expression inside an IR node, with its jumps retargeted.
    fn fragment(&mut self, expr: &syn::Expr) -> syn::Expr {
        let mut expr = expr.clone();
        self.retarget(&mut |f| jumps::escaping_in_expr(&mut expr, f));
        if let Some(arm) = &self.in_place
            && arm.rewriting
        {
            syn::visit_mut::VisitMut::visit_expr_mut(
                &mut in_place::Rewrite::new(self.body, &arm.plan),
                &mut expr,
            );
        }
        expr
    }

    /// Points jumps at unrolled loops to the labels that stand in for them.
    fn retarget(&mut self, visit: &mut dyn FnMut(&mut JumpVisitor<'_>)) {
        let frames = &mut self.frames;
        let in_place = &mut self.in_place;
        visit(&mut |jump| {
            let label = jump.label();
            let Some(index) = frames.iter().rposition(|f| match &label {
                Some(l) => f.label.as_deref() == Some(l.as_str()),
                None => f.is_loop,
            }) else {
                return;
            };
            if let Some(arm) = in_place
                && arm.rewriting
                && index < arm.outer_frames
            {
                arm.escaped = true;
            }
            let frame = &mut frames[index];
            let Mode::Unrolled {
                exit,
                iter,
                exit_used,
                iter_used,
            } = &mut frame.mode
            else {
                if matches!(jump, Jump::Break(_)) {
                    frame.broken = true;
                }
                return;
            };
            match jump {
                Jump::Break(expr) => {
                    let value = match &*expr {
                        syn::Expr::Break(b) => b.expr.clone(),
                        _ => None,
                    };
                    *expr = syn::parse_quote!(break #exit #value);
                    *exit_used = true;
                }
                Jump::Continue(expr) => {
                    *expr = syn::parse_quote!(break #iter);
                    *iter_used = true;
                }
            }
        });
    }

    /// A suspension point in code that never runs: typed like one, but it stores nothing and
    /// has no arm, and what follows it is emitted in place.
    fn never_suspends(
        &mut self,
        k: SuspendId,
        value: &syn::Expr,
        resume: Option<BindingId>,
    ) -> TokenStream {
        let yield_return = self.yield_return();
        let binding = self.yielded_value(value);
        let resume = self.resume_value(k, resume);
        quote! {
            {
                #binding
                #yield_return
            }
            #resume
        }
    }

    /// `return` of the yielded value: a `GeneratorState`, or for a generator that delegates, a
    /// `Stepped` made by `gen_core::__private::yielded`.
    fn yield_return(&self) -> TokenStream {
        let krate = self.krate;
        let Names { state, yielded, .. } = &Names::new();
        if self.erased_step() {
            let yield_fn = names::yield_fn();
            quote!(return #yield_fn(#state, #yielded);)
        } else {
            quote!(return #krate::__private::GeneratorState::Yielded(#yielded);)
        }
    }

    /// Whether the step closure takes its state untyped (see
    /// `gen_core::__private::ErasedGenerated`): a generator that delegates, or that may hold
    /// a generator of a type its own is generic over.
    fn erased_step(&self) -> bool {
        self.sig.may_be_generic || self.body.suspends.iter().any(|s| s.delegate.is_some())
    }

    /// `let __yielded: Y = value;`, located at the value.
    fn yielded_value(&mut self, value: &syn::Expr) -> TokenStream {
        let yielded = &Names::new().yielded;
        let value = self.fragment(value);
        let ty = GenSig::nameable(&self.sig.yield_ty).then(|| {
            let ty = &self.sig.yield_ty;
            quote!(: #ty)
        });
        let value_span = syn::spanned::Spanned::span(&value);
        quote_spanned!(value_span=> let #yielded #ty = #value;)
    }

    /// The resume value of suspension point `k`, bound to `resume` if the body uses it. A
    /// `yield_from!`'s passes the step's entry on to the delegate as it is.
    fn resume_value(&self, k: SuspendId, resume: Option<BindingId>) -> TokenStream {
        let krate = self.krate;
        let arg = &Names::new().arg;
        match resume {
            Some(id) if self.body.suspends[k].delegate.is_some() => {
                let ident = &self.body.bindings[id].ident;
                quote!(let #ident = #arg;)
            }
            Some(id) => {
                let ident = &self.body.bindings[id].ident;
                quote!(let #ident = #krate::__private::resume_arg(#arg);)
            }
            None => quote!(#krate::__private::resume_arg(#arg);),
        }
    }

    /// Stores what suspension point `k` keeps and yields `value`.
    fn suspend(&mut self, k: SuspendId, value: &syn::Expr) -> TokenStream {
        let state = &Names::new().state;
        let binding = self.yielded_value(value);
        let yield_return = self.yield_return();
        self.constructed.insert(k);
        let span = self.body.suspends[k].span;
        if let Some(arm) = &self.in_place
            && arm.rewriting
            && arm.k == k
        {
            // The saved values never left the variant this suspension point stores.
            return quote_spanned! {span=>
                {
                    #binding
                    #yield_return
                }
            };
        }
        let stored = self.variant_with(Some(k), |id| {
            let ident = &self.body.bindings[id].ident;
            Some(quote!(#ident))
        });
        quote_spanned! {span=>
            {
                #binding
                #[allow(clippy::used_underscore_binding)]
                {
                    *#state = #stored;
                }
                #yield_return
            }
        }
    }
}

fn braced(cont: Code) -> Code {
    let tokens = cont.tokens;
    Code {
        tokens: quote!({ #tokens };),
        ..cont
    }
}

fn variant(k: SuspendId) -> syn::Ident {
    format_ident!("S{}", k)
}

/// The name of variant `k`, `Start` for `None`.
fn variant_name(k: Option<SuspendId>) -> syn::Ident {
    k.map_or_else(|| syn::Ident::new("Start", Span::call_site()), variant)
}

/// The bindings of a `let` without initializer (`let x;`).
fn uninit_declares(stmt: &Stmt) -> Option<&[BindingId]> {
    match &stmt.kind {
        StmtKind::Plain {
            stmt: syn::Stmt::Local(local),
            declares,
        } if local.init.is_none() => Some(declares),
        _ => None,
    }
}

/// The bindings a statement declares in its block.
fn declared_by(stmt: &Stmt) -> Vec<BindingId> {
    match &stmt.kind {
        StmtKind::Plain { declares, .. } => declares.clone(),
        StmtKind::Yield { resume, .. } => resume.iter().copied().collect(),
        _ => Vec::new(),
    }
}

/// The position of suspension point `k`: statement index and child block at each level.
fn find_path(block: &Block, k: SuspendId) -> Option<Vec<(usize, usize)>> {
    for (i, stmt) in block.stmts.iter().enumerate() {
        if let StmtKind::Yield { id, .. } = &stmt.kind
            && *id == k
        {
            return Some(vec![(i, 0)]);
        }
        for (c, child) in stmt.children().into_iter().enumerate() {
            if let Some(mut rest) = find_path(child, k) {
                rest.insert(0, (i, c));
                return Some(rest);
            }
        }
    }
    None
}
