//! The first pass over the body: rejects markers where they cannot work, and rewrites what
//! must mean something else inside the generated closure.
//!
//! - `return e` completes the generator: `return GeneratorState::Complete(e)`.
//! - `e?` completes it with the residual, through `__private::Branch` and `FromResidual`
//!   (the `Try` trait is unstable).
//! - `self` becomes `__self`, the stored receiver, including inside macro invocations.
//!
//! None of this applies inside closures, async blocks and nested items, which are separate
//! bodies; a marker there is an error.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::visit_mut::{self, VisitMut};

use crate::args::Args;
use crate::errors::Errors;
use crate::names::{self, Marker};

/// How markers are spelled in the form being expanded, for error messages.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Spelling {
    /// `#[generator]`: `r#yield!`.
    Attribute,
    /// `generators! { .. }`: `yield!`.
    Bang,
}

impl Spelling {
    pub fn yield_marker(self) -> &'static str {
        match self {
            Spelling::Attribute => "r#yield!",
            Spelling::Bang => "yield!",
        }
    }
}

/// Runs the pass over `block`; returns the items declared in it, taken out to be emitted once
/// at the top of the function.
pub fn run(
    block: &mut syn::Block,
    name: &syn::Ident,
    args: &Args,
    spelling: Spelling,
    errors: &mut Errors,
) -> Vec<syn::Item> {
    let mut pass = Prepass {
        name,
        args,
        spelling,
        errors,
        nested: None,
    };
    pass.visit_block_mut(block);
    let mut hoist = HoistItems(Vec::new());
    hoist.visit_block_mut(block);
    hoist.0
}

/// Items (`fn`, `struct`, `static`, `use`, `impl`, ...) cannot capture locals, so where they
/// sit in the body only matters for their scope. Inside the step closure, a block is copied
/// into every arm that continues through it, which would make a `static` one per arm, a
/// `struct` several distinct types, and an item declared before a suspension point invisible
/// after it. They are emitted once, before the state machine.
struct HoistItems(Vec<syn::Item>);

impl VisitMut for HoistItems {
    fn visit_block_mut(&mut self, block: &mut syn::Block) {
        let stmts = std::mem::take(&mut block.stmts);
        for stmt in stmts {
            match stmt {
                syn::Stmt::Item(item) => self.0.push(item),
                mut other => {
                    self.visit_stmt_mut(&mut other);
                    block.stmts.push(other);
                }
            }
        }
    }

    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

struct Prepass<'a> {
    /// The generator function's name, to spot unboxed recursion.
    name: &'a syn::Ident,
    args: &'a Args,
    spelling: Spelling,
    errors: &'a mut Errors,
    /// The separate body we are in, if any: markers are rejected and jumps stay as written.
    nested: Option<&'static str>,
}

impl Prepass<'_> {
    fn nested(&mut self, what: &'static str, visit: impl FnOnce(&mut Self)) {
        let outer = self.nested.replace(what);
        visit(self);
        self.nested = outer;
    }

    fn marker_name(&self, marker: Marker) -> &'static str {
        match marker {
            Marker::Yield => self.spelling.yield_marker(),
            Marker::YieldFrom => "yield_from!",
            Marker::DelegatedYield => "__delegated_yield!",
        }
    }

    /// A marker invocation: checks where it is, then rewrites its operand like any code.
    fn visit_marker(&mut self, mac: &mut syn::Macro, marker: Marker) {
        if marker == Marker::DelegatedYield {
            self.errors.push(
                mac.path.span(),
                "`__delegated_yield!` is internal to the expansion of `yield_from!`: \
                 write `yield_from!(g)` to delegate to `g`, or `r#yield!(v)` to yield `v`",
            );
            return;
        }
        if let Some(what) = self.nested {
            let name = self.marker_name(marker);
            self.errors.push(
                mac.path.span(),
                format!(
                    "`{name}` cannot be used inside {what}: {what} is a separate body, which the \
                     generator does not suspend. Compute the value in the generator body first \
                     (`let v = {name}(..);`) and use `v` inside"
                ),
            );
            return;
        }
        if mac.tokens.is_empty() {
            return;
        }
        match syn::parse2::<syn::Expr>(mac.tokens.clone()) {
            Ok(mut operand) => {
                if marker == Marker::YieldFrom && self.calls_itself(&operand) {
                    let name = self.name;
                    self.errors.push(
                        operand.span(),
                        format!(
                            "`{name}` delegates to itself: its generator type would contain \
                             itself. Box the recursive call: `yield_from!({name}(..).boxed())`"
                        ),
                    );
                }
                self.visit_expr_mut(&mut operand);
                mac.tokens = quote!(#operand);
            }
            Err(e) => {
                let name = self.marker_name(marker);
                self.errors.push(
                    e.span(),
                    format!("`{name}` takes one expression: `{name}(value)`"),
                );
            }
        }
    }

    /// Whether `operand` is a direct call of this generator function (`f(..)`, `Self::f(..)`,
    /// `self.f(..)`), which cannot be delegated to without boxing.
    fn calls_itself(&self, operand: &syn::Expr) -> bool {
        match operand {
            syn::Expr::Call(c) => match &*c.func {
                syn::Expr::Path(p) => p
                    .path
                    .segments
                    .last()
                    .is_some_and(|s| s.ident == *self.name),
                _ => false,
            },
            syn::Expr::MethodCall(m) => m.method == *self.name,
            syn::Expr::Paren(p) => self.calls_itself(&p.expr),
            _ => false,
        }
    }

    /// Any other macro: a standard macro whose arguments are plain expressions is rewritten
    /// like code; other macros' tokens are opaque, so a marker among them cannot be lowered.
    fn visit_other_macro(&mut self, mac: &mut syn::Macro) {
        if let Some(mut args) = names::MacroArgs::parse(mac) {
            let always = args.always;
            for (i, expr) in args.exprs.iter_mut().enumerate() {
                if i >= always && contains_marker(expr) {
                    self.errors.push(
                        expr.span(),
                        format!(
                            "a suspension point cannot be in this argument: it runs only when the \
                             assertion fails. Bind the value first (`let v = {}(..);`)",
                            self.spelling.yield_marker()
                        ),
                    );
                }
                self.visit_expr_mut(expr);
            }
            mac.tokens = args.to_tokens();
            return;
        }
        if let Some(span) = names::tokens_contain_marker(&mac.tokens) {
            let name = mac
                .path
                .segments
                .last()
                .map_or_else(String::new, |s| s.ident.to_string());
            self.errors.push(
                span,
                format!(
                    "a suspension point cannot be inside the arguments of `{name}!`: the \
                     generator cannot see into another macro. Bind the value first \
                     (`let v = {}(..);`) and pass `v` to `{name}!`",
                    self.spelling.yield_marker()
                ),
            );
        }
        mac.tokens = rename_self(mac.tokens.clone());
    }

    fn visit_macro_node(&mut self, mac: &mut syn::Macro) {
        match names::marker_of(&mac.path) {
            Some(marker) => self.visit_marker(mac, marker),
            None => self.visit_other_macro(mac),
        }
    }
}

impl VisitMut for Prepass<'_> {
    fn visit_expr_mut(&mut self, expr: &mut syn::Expr) {
        match expr {
            syn::Expr::Closure(c) => self.nested("a closure", |p| p.visit_expr_mut(&mut c.body)),
            syn::Expr::Async(a) => {
                self.nested("an async block", |p| p.visit_block_mut(&mut a.block));
            }
            syn::Expr::Const(c) => {
                self.nested("a const block", |p| p.visit_block_mut(&mut c.block));
            }
            syn::Expr::Macro(m) => self.visit_macro_node(&mut m.mac),
            syn::Expr::Yield(y) => {
                let fix = match self.spelling {
                    Spelling::Attribute => {
                        "write `r#yield!(value)`: stable Rust reserves `yield`, and in a \
                         `#[generator]` function the marker is spelled as a raw identifier"
                    }
                    Spelling::Bang => "write `yield!(value)`",
                };
                self.errors.push(
                    y.yield_token.span,
                    format!("`yield` is not a marker here: {fix}"),
                );
            }
            syn::Expr::Unsafe(u)
                if contains_marker(&syn::Expr::Block(syn::ExprBlock {
                    attrs: Vec::new(),
                    label: None,
                    block: u.block.clone(),
                })) =>
            {
                self.errors.push(
                    u.unsafe_token.span,
                    format!(
                        "a suspension point cannot be inside an `unsafe` block: end the block \
                         before `{}` and open another after it",
                        self.spelling.yield_marker()
                    ),
                );
            }
            syn::Expr::Match(m) => {
                for arm in &m.arms {
                    if let Some((_, guard)) = &arm.guard
                        && contains_marker(guard)
                    {
                        self.errors.push(
                            guard.span(),
                            format!(
                                "a suspension point cannot be in a match guard: bind the value \
                                 before the `match` (`let v = {}(..);`) and test `v` in the guard",
                                self.spelling.yield_marker()
                            ),
                        );
                    }
                }
                visit_mut::visit_expr_match_mut(self, m);
            }
            syn::Expr::Path(p) if p.qself.is_none() && p.path.is_ident("self") => {
                *expr = syn::parse_quote_spanned!(p.span()=> __self);
                if let syn::Expr::Path(p) = expr {
                    p.path.segments[0].ident = syn::Ident::new("__self", Span::mixed_site());
                }
            }
            syn::Expr::Return(r) if self.nested.is_none() => {
                if let Some(value) = &mut r.expr {
                    self.visit_expr_mut(value);
                }
                let span = r.return_token.span;
                let complete = names::complete_fn(span);
                let state = names::state_var();
                let value = r.expr.take().map_or_else(|| quote!(()), |v| quote!(#v));
                r.expr = Some(Box::new(syn::parse_quote_spanned! {span=>
                    #complete(#state, #value)
                }));
            }
            syn::Expr::Try(t) if self.nested.is_none() => {
                self.visit_expr_mut(&mut t.expr);
                *expr = branch(self.args, &t.expr, t.question_token.span);
            }
            _ => visit_mut::visit_expr_mut(self, expr),
        }
    }

    fn visit_stmt_mut(&mut self, stmt: &mut syn::Stmt) {
        match stmt {
            syn::Stmt::Macro(m) => self.visit_macro_node(&mut m.mac),
            syn::Stmt::Item(item) => {
                if contains_marker_in_item(item) {
                    self.errors.push(
                        item.span(),
                        format!(
                            "a nested item is a separate function: `{}` inside it cannot suspend \
                             this generator. Make it a generator of its own and delegate to it \
                             with `yield_from!`",
                            self.spelling.yield_marker()
                        ),
                    );
                }
            }
            _ => visit_mut::visit_stmt_mut(self, stmt),
        }
    }

    /// A marker is an expression; in a pattern it would be a macro rustc expands as a pattern.
    fn visit_pat_mut(&mut self, pat: &mut syn::Pat) {
        if let syn::Pat::Macro(m) = pat
            && let Some(marker) = names::marker_of(&m.mac.path)
        {
            let marker = self.marker_name(marker);
            self.errors.push(
                m.mac.path.span(),
                format!(
                    "`{marker}` cannot be a pattern: a suspension point is an expression. \
                     Bind its value first (`let v = {marker}(..);`) and match on `v`"
                ),
            );
            return;
        }
        visit_mut::visit_pat_mut(self, pat);
    }

    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

/// `e?` as a `match` on `Branch::branch(e)` whose break arm completes the generator.
///
/// Input: `e?`
/// Output:
/// ```text
/// match Branch::branch(e) {
///     ControlFlow::Continue(v) => v,
///     ControlFlow::Break(r) => return GeneratorState::Complete(FromResidual::from_residual(r)),
/// }
/// ```
fn branch(args: &Args, operand: &syn::Expr, question: Span) -> syn::Expr {
    let krate = &args.krate_at(question);
    let state = names::state_var();
    let complete = names::complete_fn(question);
    let at = Span::mixed_site().located_at(question);
    let value = syn::Ident::new("__value", at);
    let residual = syn::Ident::new("__residual", at);
    let from_residual = quote_spanned! {question=>
        #krate::__private::FromResidual::from_residual(#residual)
    };
    let branch = quote_spanned! {operand.span()=> #krate::__private::Branch::branch(#operand) };
    syn::parse_quote_spanned! {question=>
        match #branch {
            #krate::__private::ControlFlow::Continue(#value) => #value,
            #krate::__private::ControlFlow::Break(#residual) => {
                return #complete(#state, #from_residual)
            }
        }
    }
}

/// `self` in a macro's tokens names the stored receiver, except as a path prefix (`self::`).
fn rename_self(tokens: TokenStream) -> TokenStream {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out = Vec::with_capacity(trees.len());
    for (i, tt) in trees.iter().enumerate() {
        match tt {
            TokenTree::Ident(ident) if ident == "self" => {
                let path_prefix = matches!(
                    (trees.get(i + 1), trees.get(i + 2)),
                    (Some(TokenTree::Punct(a)), Some(TokenTree::Punct(b)))
                        if a.as_char() == ':' && b.as_char() == ':'
                );
                if path_prefix {
                    out.push(tt.clone());
                } else {
                    out.push(TokenTree::Ident(syn::Ident::new(
                        "__self",
                        Span::mixed_site(),
                    )));
                }
            }
            TokenTree::Group(group) => {
                let mut new =
                    proc_macro2::Group::new(group.delimiter(), rename_self(group.stream()));
                new.set_span(group.span());
                out.push(TokenTree::Group(new));
            }
            other => out.push(other.clone()),
        }
    }
    out.into_iter().collect()
}

/// Whether `expr` contains a marker the lowering must handle: markers inside closures, async
/// blocks, const blocks, items and other macros' arguments do not count (the prepass reports
/// them).
pub fn contains_marker(expr: &syn::Expr) -> bool {
    let mut finder = MarkerFinder(false);
    syn::visit::Visit::visit_expr(&mut finder, expr);
    finder.0
}

/// [`contains_marker`] for a statement.
pub fn stmt_contains_marker(stmt: &syn::Stmt) -> bool {
    let mut finder = MarkerFinder(false);
    syn::visit::Visit::visit_stmt(&mut finder, stmt);
    finder.0
}

fn contains_marker_in_item(item: &syn::Item) -> bool {
    struct Any(bool);
    impl syn::visit::Visit<'_> for Any {
        fn visit_macro(&mut self, mac: &syn::Macro) {
            if names::marker_of(&mac.path).is_some() {
                self.0 = true;
            }
        }
    }
    let mut any = Any(false);
    syn::visit::Visit::visit_item(&mut any, item);
    any.0
}

struct MarkerFinder(bool);

impl syn::visit::Visit<'_> for MarkerFinder {
    fn visit_expr(&mut self, expr: &syn::Expr) {
        if self.0 {
            return;
        }
        match expr {
            syn::Expr::Closure(_) | syn::Expr::Async(_) | syn::Expr::Const(_) => {}
            _ => syn::visit::visit_expr(self, expr),
        }
    }

    fn visit_macro(&mut self, mac: &syn::Macro) {
        if names::marker_of(&mac.path).is_some() {
            self.0 = true;
        } else if let Some(args) = names::MacroArgs::parse(mac) {
            args.exprs.iter().for_each(|e| self.visit_expr(e));
        }
    }

    fn visit_item(&mut self, _: &syn::Item) {}
}
