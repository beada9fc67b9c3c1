//! Lowering: the (prepassed) function body becomes an [`ir::Body`](crate::ir::Body).
//!
//! Statements without a suspension point are kept as they are. A suspension point inside an
//! expression is hoisted into a [`StmtKind::Yield`] statement, after everything Rust evaluates
//! before it: operands to its left that are values are moved into temporaries (in order), while
//! places (`v`, `v.f`, `v[i]`) and borrows of places stay where they are and are evaluated after
//! the resume, so no temporary ever borrows from a saved local. Constructs whose value is
//! needed and that contain a suspension point write it to a result temporary declared before
//! them (`let t; if c { ..; t = a } else { t = b }`).
//!
//! [`control`] lowers the constructs with suspension points inside, [`values`] the
//! expressions (A-normal form).

mod control;
mod values;

use std::collections::BTreeSet;

use proc_macro2::Span;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use crate::args::Args;
use crate::ir::{Arm, Binding, BindingId, BindingKind, Block, Body, Stmt, StmtKind, Suspend};
use crate::jumps::{self, Jump};
use crate::names::{self, Marker};
use crate::prepass::{contains_marker, stmt_contains_marker};
use crate::signature::GenSig;

/// Lowers `block`, the body of a generator with signature `sig`.
pub fn lower(block: &syn::Block, sig: &GenSig, args: &Args) -> Body {
    let mut lw = Lowerer {
        args,
        resume_ty: GenSig::nameable(&sig.resume_ty).then(|| sig.resume_ty.clone()),
        bindings: Vec::new(),
        scopes: vec![Vec::new()],
        frames: Vec::new(),
        suspends: Vec::new(),
        stmt_count: 0,
        temp_count: 0,
        assigned: BTreeSet::new(),
    };
    let params = sig
        .args
        .iter()
        .map(|arg| lw.declare(arg.stored.clone(), false, None, BindingKind::Param))
        .collect();
    let root = lw.block_with(|lw, out| {
        for arg in &sig.args {
            if let Some(pat) = &arg.pat {
                let stored = &arg.stored;
                // With its type: an arm that redeclares the binding (to assign it, or in code
                // it never reaches) knows it without inference.
                let pat = match &arg.ty {
                    Some(ty) => syn::Pat::Type(syn::PatType {
                        attrs: Vec::new(),
                        pat: Box::new(pat.clone()),
                        colon_token: syn::Token![:](pat.span()),
                        ty: Box::new(ty.clone()),
                    }),
                    None => pat.clone(),
                };
                let stmt: syn::Stmt = syn::parse_quote_spanned!(pat.span()=> let #pat = #stored;);
                let declares = lw.declare_pat(&pat);
                let stmt = lw.plain(stmt, declares);
                out.push(stmt);
            }
        }
        lw.stmts(&block.stmts, Dest::Return, out);
    });
    Body {
        bindings: lw.bindings,
        params,
        root,
        suspends: lw.suspends,
        stmt_count: lw.stmt_count,
    }
}

/// Where the value of a lowered expression goes.
#[derive(Clone, Copy)]
enum Dest {
    /// Nowhere: evaluated for its effects.
    Discard,
    /// Assigned to a (declared, uninitialized) result temporary.
    Assign(BindingId),
    /// Completes the generator.
    Return,
}

/// How a position uses its operand.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Use {
    /// Read as a value (moved or copied when evaluated).
    Value,
    /// Used as a place: borrowed, indexed, projected, assigned to, or a method receiver.
    Place,
}

/// An enclosing loop or labeled block that contains a suspension point. Every loop gets a
/// label (the user's or a generated one), and jumps to it name it: an unlabeled `break` may
/// end up inside a labeled block of the lowering, where rustc requires the label.
struct Frame {
    label: Option<String>,
    lifetime: Option<syn::Lifetime>,
    is_loop: bool,
    /// The result temporary of a loop or block whose value is used.
    result: Option<BindingId>,
    /// Whether some `break` targets it.
    broken: bool,
}

struct Lowerer<'a> {
    args: &'a Args,
    resume_ty: Option<syn::Type>,
    bindings: Vec<Binding>,
    /// Name → binding, innermost scope last, later declarations last.
    scopes: Vec<Vec<(String, BindingId)>>,
    frames: Vec<Frame>,
    suspends: Vec<Suspend>,
    stmt_count: usize,
    temp_count: usize,
    /// Result temporaries some emitted code assigns (possibly code that never runs).
    assigned: BTreeSet<BindingId>,
}

impl Lowerer<'_> {
    // ----- bindings and scopes -----

    fn declare(
        &mut self,
        ident: syn::Ident,
        mutable: bool,
        ty: Option<syn::Type>,
        kind: BindingKind,
    ) -> BindingId {
        let id = self.bindings.len();
        self.scopes
            .last_mut()
            .expect("a scope is open")
            .push((ident.to_string(), id));
        self.bindings.push(Binding {
            ident,
            mutable,
            ty,
            kind,
            init: None,
        });
        id
    }

    fn declare_pat(&mut self, pat: &syn::Pat) -> Vec<BindingId> {
        names::pat_bindings(pat)
            .into_iter()
            .map(|b| self.declare(b.ident, b.mutable, b.ty, BindingKind::User))
            .collect()
    }

    /// A fresh temporary, invisible to user code (mixed-site), located at `at` for errors.
    fn temp(&mut self, prefix: &str, at: Span) -> BindingId {
        let span = Span::mixed_site().located_at(at);
        let ident = format_ident!("__{}{}", prefix, self.temp_count, span = span);
        self.temp_count += 1;
        self.declare(ident, false, None, BindingKind::Temp)
    }

    fn path(&self, id: BindingId) -> syn::Expr {
        let ident = &self.bindings[id].ident;
        syn::parse_quote!(#ident)
    }

    fn resolve(&self, ident: &syn::Ident) -> Option<BindingId> {
        let name = ident.to_string();
        self.scopes
            .iter()
            .rev()
            .flat_map(|scope| scope.iter().rev())
            .find(|(n, _)| *n == name)
            .map(|&(_, id)| id)
    }

    /// Runs `f` with a new scope and collects the statements it emits into a block.
    fn block_with(&mut self, f: impl FnOnce(&mut Self, &mut Vec<Stmt>)) -> Block {
        self.scopes.push(Vec::new());
        let mut stmts = Vec::new();
        f(self, &mut stmts);
        self.scopes.pop();
        Block {
            entry_bindings: Vec::new(),
            stmts,
        }
    }

    /// Like [`Lowerer::block_with`], with `pat`'s bindings in scope from the start.
    fn block_binding(
        &mut self,
        pats: &[&syn::Pat],
        f: impl FnOnce(&mut Self, &mut Vec<Stmt>),
    ) -> Block {
        self.scopes.push(Vec::new());
        let entry: Vec<BindingId> = pats.iter().flat_map(|p| self.declare_pat(p)).collect();
        let mut stmts = Vec::new();
        f(self, &mut stmts);
        self.scopes.pop();
        Block {
            entry_bindings: entry,
            stmts,
        }
    }

    // ----- statement construction -----

    fn stmt(&mut self, kind: StmtKind, diverges: bool) -> Stmt {
        let id = self.stmt_count;
        self.stmt_count += 1;
        Stmt { id, kind, diverges }
    }

    /// A statement without suspension points. Jumps out of it to loops with a used value
    /// become assignments to the loop's result temporary.
    fn plain(&mut self, mut stmt: syn::Stmt, declares: Vec<BindingId>) -> Stmt {
        jumps::escaping_in_stmt(&mut stmt, &mut |jump| self.note_jump(jump));
        let diverges = plain_diverges(&stmt);
        self.stmt(StmtKind::Plain { stmt, declares }, diverges)
    }

    /// A yield-free expression that becomes part of an IR node (condition, scrutinee, value).
    fn fragment(&mut self, mut expr: syn::Expr) -> syn::Expr {
        jumps::escaping_in_expr(&mut expr, &mut |jump| self.note_jump(jump));
        expr
    }

    fn plain_expr(&mut self, expr: syn::Expr) -> Stmt {
        // The macro's own span: on the user's, clippy takes the `;` after an `if` for the
        // user's and calls it unnecessary (`unnecessary_semicolon`).
        let semi = syn::Token![;](proc_macro2::Span::call_site());
        self.plain(syn::Stmt::Expr(expr, Some(semi)), Vec::new())
    }

    /// Records a jump to an enclosing IR frame, and gives a `break` out of a loop whose value is
    /// used an assignment to its result: `break 'l v` becomes `{ t = v; break 'l }`.
    fn note_jump(&mut self, jump: Jump<'_>) {
        let label = jump.label();
        let Some(frame) = self.frames.iter_mut().rev().find(|f| match &label {
            Some(l) => f.label.as_deref() == Some(l.as_str()),
            None => f.is_loop,
        }) else {
            return;
        };
        let lifetime = frame.lifetime.clone();
        let expr = match jump {
            Jump::Continue(expr) => {
                if let syn::Expr::Continue(c) = expr {
                    c.label = c.label.take().or(lifetime);
                }
                return;
            }
            Jump::Break(expr) => expr,
        };
        let syn::Expr::Break(brk) = expr else {
            return;
        };
        brk.label = brk.label.take().or(lifetime);
        frame.broken = true;
        let Some(result) = frame.result else {
            return;
        };
        let value = brk.expr.take().map_or_else(|| quote!(()), |v| quote!(#v));
        self.assigned.insert(result);
        let target = &self.bindings[result].ident;
        let plain_break = &*brk;
        *expr =
            syn::parse_quote_spanned! {plain_break.span()=> { #target = #value; #plain_break } };
    }

    /// Enters a loop or labeled block; returns the label jumps to it use.
    fn push_frame(
        &mut self,
        label: Option<&syn::Label>,
        is_loop: bool,
        result: Option<BindingId>,
    ) -> Option<syn::Lifetime> {
        let lifetime = match label {
            Some(l) => Some(l.name.clone()),
            None if is_loop => {
                self.temp_count += 1;
                Some(syn::Lifetime::new(
                    &format!("'__loop{}", self.temp_count),
                    Span::mixed_site(),
                ))
            }
            None => None,
        };
        self.frames.push(Frame {
            label: lifetime.as_ref().map(|l| l.ident.to_string()),
            lifetime: lifetime.clone(),
            is_loop,
            result,
            broken: false,
        });
        lifetime
    }

    // ----- statements -----

    fn stmts(&mut self, stmts: &[syn::Stmt], dest: Dest, out: &mut Vec<Stmt>) {
        for (i, stmt) in stmts.iter().enumerate() {
            let is_tail = i + 1 == stmts.len();
            match stmt {
                syn::Stmt::Expr(expr, None) if is_tail => self.expr_into(expr, dest, out),
                _ => self.lower_stmt(stmt, out),
            }
        }
        let has_tail = matches!(stmts.last(), Some(syn::Stmt::Expr(_, None)));
        if !has_tail
            && let Dest::Assign(result) = dest
            && !out.iter().any(|s| s.diverges)
        {
            let target = self.path(result);
            let stmt = self.plain_expr(syn::parse_quote!(#target = ()));
            out.push(stmt);
        }
    }

    fn lower_stmt(&mut self, stmt: &syn::Stmt, out: &mut Vec<Stmt>) {
        match stmt {
            syn::Stmt::Local(local) => self.lower_let(local, out),
            syn::Stmt::Expr(expr, _) if stmt_contains_marker(stmt) => {
                self.expr_into(expr, Dest::Discard, out);
            }
            syn::Stmt::Macro(m)
                if names::marker_of(&m.mac.path).is_some() || stmt_contains_marker(stmt) =>
            {
                let expr = syn::Expr::Macro(syn::ExprMacro {
                    attrs: m.attrs.clone(),
                    mac: m.mac.clone(),
                });
                self.expr_into(&expr, Dest::Discard, out);
            }
            _ => {
                let stmt = self.plain(stmt.clone(), Vec::new());
                out.push(stmt);
            }
        }
    }

    fn lower_let(&mut self, local: &syn::Local, out: &mut Vec<Stmt>) {
        if let Some(init) = &local.init
            && let Some((_, diverge)) = &init.diverge
            && contains_marker(diverge)
        {
            let desugared = let_else_as_match(local, init, diverge);
            self.lower_let(&desugared, out);
            return;
        }
        let mut local = local.clone();
        if let Some(init) = &mut local.init
            && contains_marker(&init.expr)
        {
            *init.expr = self.expr_value(&init.expr, out);
        }
        let mut stmt = syn::Stmt::Local(local);
        jumps::escaping_in_stmt(&mut stmt, &mut |jump| self.note_jump(jump));
        let syn::Stmt::Local(local) = &stmt else {
            unreachable!("rewriting jumps keeps a `let` a `let`")
        };
        let declares = self.declare_pat(&local.pat);
        if let [id] = declares[..]
            && let Some(init) = &local.init
        {
            self.bindings[id].init = Some((*init.expr).clone());
        }
        let diverges = plain_diverges(&stmt);
        let lowered = self.stmt(StmtKind::Plain { stmt, declares }, diverges);
        out.push(lowered);
    }

    // ----- expressions whose value goes to a destination -----

    fn deliver(&mut self, value: syn::Expr, dest: Dest, out: &mut Vec<Stmt>) {
        // A value that never arrives (`panic!(..)`, `return ..`) is just run: wrapping it would
        // add unreachable code of our own.
        let never = plain_diverges(&syn::Stmt::Expr(value.clone(), None));
        let stmt = match dest {
            Dest::Discard => self.plain_expr(value),
            _ if never => self.plain_expr(value),
            Dest::Assign(result) => {
                self.assigned.insert(result);
                let target = self.path(result);
                self.plain_expr(syn::parse_quote_spanned!(value.span()=> #target = #value))
            }
            Dest::Return => {
                let span = value.span();
                let state = names::state_var();
                let complete = names::complete_fn(span);
                let ret = quote_spanned!(span=> return #complete(#state, #value));
                self.plain_expr(syn::parse_quote!(#ret))
            }
        };
        out.push(stmt);
    }

    /// Lowers `expr` and delivers its value to `dest`. Constructs with suspension points pass
    /// `dest` into their branches instead of producing a value.
    fn expr_into(&mut self, expr: &syn::Expr, dest: Dest, out: &mut Vec<Stmt>) {
        if !contains_marker(expr) {
            self.deliver(expr.clone(), dest, out);
            return;
        }
        match expr {
            syn::Expr::Paren(p) => self.expr_into(&p.expr, dest, out),
            syn::Expr::Group(g) => self.expr_into(&g.expr, dest, out),
            syn::Expr::If(e) => self.lower_if(e, dest, out),
            syn::Expr::Match(e) => self.lower_match(e, dest, out),
            syn::Expr::Loop(e) => self.lower_loop(e, dest, out),
            syn::Expr::While(e) => {
                self.lower_while(e, out);
                self.deliver_unit(dest, out);
            }
            syn::Expr::ForLoop(e) => {
                self.lower_for(e, out);
                self.deliver_unit(dest, out);
            }
            syn::Expr::Block(e) => self.lower_block_expr(e, dest, out),
            syn::Expr::Binary(b)
                if matches!(b.op, syn::BinOp::And(_) | syn::BinOp::Or(_))
                    && contains_marker(&b.right) =>
            {
                let as_if = short_circuit_as_if(b);
                self.lower_if(&as_if, dest, out);
            }
            syn::Expr::Macro(m) => match names::marker_of(&m.mac.path) {
                Some(Marker::Yield) if matches!(dest, Dest::Discard) => {
                    let value = self.yield_operand(&m.mac, out);
                    self.push_yield(value, None, m.mac.path.span(), out);
                }
                Some(Marker::YieldFrom) => {
                    let desugared = self.yield_from(&m.mac);
                    self.expr_into(&desugared, dest, out);
                }
                _ => {
                    let value = self.expr_value(expr, out);
                    self.deliver(value, dest, out);
                }
            },
            _ => {
                let value = self.expr_value(expr, out);
                self.deliver(value, dest, out);
            }
        }
    }

    fn deliver_unit(&mut self, dest: Dest, out: &mut Vec<Stmt>) {
        if !matches!(dest, Dest::Discard) {
            self.deliver(syn::parse_quote!(()), dest, out);
        }
    }

    /// A result temporary for a construct whose value is used: `let t;`.
    fn result_temp(&mut self, out: &mut Vec<Stmt>) -> BindingId {
        let id = self.temp("t", Span::call_site());
        let declare = self.declare_result(id);
        out.push(declare);
        id
    }
}

/// Statements rustc also takes as never completing (of type `!`): jumps, the panicking
/// macros, and the constructs all of whose ways out are those. Code after such a statement is
/// unreachable (it is still emitted, as rustc type-checks it). Never `true` where rustc says
/// no: the arms would not continue past it, and a value it gives would be lost.
pub(super) fn plain_diverges(stmt: &syn::Stmt) -> bool {
    match stmt {
        syn::Stmt::Expr(expr, _) => expr_diverges(expr),
        syn::Stmt::Local(local) => local
            .init
            .as_ref()
            .is_some_and(|init| expr_diverges(&init.expr)),
        syn::Stmt::Macro(m) => diverging_macro(&m.mac),
        syn::Stmt::Item(_) => false,
    }
}

fn diverging_macro(mac: &syn::Macro) -> bool {
    mac.path.segments.last().is_some_and(|s| {
        matches!(
            s.ident.to_string().as_str(),
            "panic" | "unreachable" | "todo" | "unimplemented"
        )
    })
}

fn expr_diverges(expr: &syn::Expr) -> bool {
    match expr {
        syn::Expr::Return(_) | syn::Expr::Break(_) | syn::Expr::Continue(_) => true,
        syn::Expr::Macro(m) => diverging_macro(&m.mac),
        syn::Expr::Paren(p) => expr_diverges(&p.expr),
        syn::Expr::Group(g) => expr_diverges(&g.expr),
        // `{ t = v; break 'l }`, as a `break` with a value becomes, and any block that ends
        // in a diverging statement.
        syn::Expr::Block(b) => {
            block_of_stmts_diverges(&b.block)
                && b.label
                    .as_ref()
                    .is_none_or(|l| !breaks_to(&b.block, &l.name))
        }
        syn::Expr::Unsafe(u) => block_of_stmts_diverges(&u.block),
        syn::Expr::If(i) => {
            block_of_stmts_diverges(&i.then_branch)
                && i.else_branch
                    .as_ref()
                    .is_some_and(|(_, e)| expr_diverges(e))
        }
        syn::Expr::Match(m) => m.arms.iter().all(|arm| expr_diverges(&arm.body)),
        syn::Expr::Loop(l) => !loop_breaks(l),
        _ => false,
    }
}

fn block_of_stmts_diverges(block: &syn::Block) -> bool {
    block.stmts.iter().any(plain_diverges)
}

/// Whether a `break` leaves the loop `l` (unlabeled at its own depth, or naming its label).
fn loop_breaks(l: &syn::ExprLoop) -> bool {
    let own = l.label.as_ref().map(|label| label.name.ident.to_string());
    let mut found = false;
    let mut body = syn::Stmt::Expr(
        syn::Expr::Block(syn::ExprBlock {
            attrs: Vec::new(),
            label: None,
            block: l.body.clone(),
        }),
        None,
    );
    crate::jumps::escaping_in_stmt(&mut body, &mut |jump| {
        let label = jump.label();
        if matches!(jump, Jump::Break(_)) && (label.is_none() || label == own) {
            found = true;
        }
    });
    found
}

/// Whether a `break 'label` leaves `block`.
fn breaks_to(block: &syn::Block, label: &syn::Lifetime) -> bool {
    let mut found = false;
    let name = label.ident.to_string();
    let mut stmt = syn::Stmt::Expr(
        syn::Expr::Block(syn::ExprBlock {
            attrs: Vec::new(),
            label: None,
            block: block.clone(),
        }),
        None,
    );
    crate::jumps::escaping_in_stmt(&mut stmt, &mut |jump| {
        if matches!(jump, Jump::Break(_)) && jump.label().as_deref() == Some(name.as_str()) {
            found = true;
        }
    });
    found
}

pub(super) fn block_diverges(block: &Block) -> bool {
    block.stmts.iter().any(|s| s.diverges)
}

/// A `let .. else` whose `else` block suspends, as a `match` that rebinds the pattern's
/// bindings:
///
/// Input: `let Some((a, mut b)) = value else { .. };`
/// Output: `let (a, mut b) = match value { Some((a, b)) => (a, b), _ => { .. } };`
pub(super) fn let_else_as_match(
    local: &syn::Local,
    init: &syn::LocalInit,
    diverge: &syn::Expr,
) -> syn::Local {
    use syn::visit_mut::VisitMut;
    struct Immutable;
    impl VisitMut for Immutable {
        fn visit_pat_ident_mut(&mut self, p: &mut syn::PatIdent) {
            p.mutability = None;
            syn::visit_mut::visit_pat_ident_mut(self, p);
        }
    }
    let bindings = names::pat_bindings(&local.pat);
    let values = bindings.iter().map(|b| &b.ident);
    let targets = bindings.iter().map(|b| {
        let ident = &b.ident;
        let mutability = b.mutable.then(|| quote!(mut));
        quote!(#mutability #ident)
    });
    let mut arm_pat = local.pat.clone();
    if let syn::Pat::Type(typed) = arm_pat {
        arm_pat = *typed.pat;
    }
    Immutable.visit_pat_mut(&mut arm_pat);
    let value = &init.expr;
    let stmt: syn::Stmt = syn::parse_quote_spanned! {local.let_token.span=>
        let (#(#targets,)*) = match #value {
            #arm_pat => (#(#values,)*),
            _ => #diverge,
        };
    };
    match stmt {
        syn::Stmt::Local(local) => local,
        _ => unreachable!("a `let` statement"),
    }
}

/// `a && b` as `if a { b } else { false }`; `a || b` as `if a { true } else { b }`.
///
/// Built from parts rather than parsed: an operand may be something a block cannot hold as
/// written (a `let` outside a condition), and rustc, not this function, should reject it.
pub(super) fn short_circuit_as_if(b: &syn::ExprBinary) -> syn::ExprIf {
    let span = b.op.span();
    let block = |expr: syn::Expr| syn::Block {
        brace_token: syn::token::Brace(span),
        stmts: vec![syn::Stmt::Expr(expr, None)],
    };
    let boolean = |value: bool| {
        syn::Expr::Lit(syn::ExprLit {
            attrs: Vec::new(),
            lit: syn::LitBool::new(value, span).into(),
        })
    };
    let (then, otherwise) = match b.op {
        syn::BinOp::And(_) => ((*b.right).clone(), boolean(false)),
        _ => (boolean(true), (*b.right).clone()),
    };
    let else_branch = syn::Expr::Block(syn::ExprBlock {
        attrs: Vec::new(),
        label: None,
        block: block(otherwise),
    });
    syn::ExprIf {
        attrs: Vec::new(),
        if_token: syn::Token![if](span),
        cond: b.left.clone(),
        then_branch: block(then),
        else_branch: Some((syn::Token![else](span), Box::new(else_branch))),
    }
}
