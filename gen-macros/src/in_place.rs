//! In-place resume arms.
//!
//! A resume arm normally moves what its suspension point saved out of the state enum and moves
//! it back at the next suspension point: cheap for a few words, a copy of the whole state per
//! step for a large one (diapause measured 5x slower than hand-written code on a `[u64; 32]`).
//! When a suspension point is the only one in its innermost loop, the loop keeps suspending
//! into the same variant, so the values can stay where they are: the arm runs the loop on
//! references into the variant and moves the values out only when the loop ends.
//!
//! Without types, the macro cannot tell a move from a copy, so the rule is syntactic and
//! conservative: inside the loop, a saved value may only be used as a place (`&x`, `&mut x`,
//! `x[i]`, `x.f` where a place is needed, `x = ..`, `x op= ..`); a mention anywhere else
//! (a method receiver, a macro, a closure, a value position) keeps the ordinary arm.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::Span;
use quote::format_ident;
use syn::visit_mut::{self, VisitMut};

use crate::flow::Analysis;
use crate::ir::{BindingId, Block, Body, Stmt, StmtId, StmtKind, SuspendId};
use crate::names;

/// How resume arm `k` runs in place.
pub struct InPlace {
    /// The loop whose iterations stay in place.
    pub loop_stmt: StmtId,
    /// The loop can complete the generator (`return`, `?`) while the values are still in the
    /// state: then the state may only become `Done` after the step, when the step's own
    /// locals have dropped first.
    pub completes_inside: bool,
    /// The reference each saved binding is used through.
    pub refs: BTreeMap<BindingId, syn::Ident>,
}

/// Decides whether resume arm `k` can run in place; `path` leads from the root to it.
pub fn plan(
    body: &Body,
    analysis: &Analysis,
    k: SuspendId,
    path: &[(usize, usize)],
) -> Option<InPlace> {
    let saved = &analysis.saved[k];
    if saved.is_empty() {
        return None;
    }
    // The innermost loop on the path.
    let mut block = &body.root;
    let mut innermost = None;
    for &(index, child) in path {
        let stmt = &block.stmts[index];
        if let StmtKind::Loop {
            body: loop_body, ..
        } = &stmt.kind
        {
            innermost = Some((stmt, loop_body));
        }
        match stmt.children().get(child) {
            Some(next) => block = next,
            None => break,
        }
    }
    let (loop_stmt, loop_body) = innermost?;

    let mut inside = Inside::default();
    inside.block(loop_body);
    if inside.yields != 1 {
        return None;
    }
    let names: BTreeMap<String, BindingId> = saved
        .iter()
        .map(|&id| (body.bindings[id].ident.to_string(), id))
        .collect();
    let declared_inside = inside
        .declared
        .iter()
        .any(|&id| saved.contains(&id) || names.contains_key(&body.bindings[id].ident.to_string()));
    if declared_inside {
        return None;
    }
    let mut check = Check {
        names: names.keys().cloned().collect(),
        shadowed: Vec::new(),
        ok: true,
    };
    for expr in &mut inside.fragments {
        check.expr(expr, Ctx::Value);
    }
    for stmt in &mut inside.stmts {
        check.stmt(stmt);
    }
    if !check.ok {
        return None;
    }
    let refs = saved
        .iter()
        .map(|&id| {
            (
                id,
                format_ident!("__in_place{}", id, span = Span::mixed_site()),
            )
        })
        .collect();
    let completes_inside = inside.stmts.iter().any(contains_return)
        || inside
            .fragments
            .iter()
            .any(|e| contains_return(&syn::Stmt::Expr(e.clone(), None)));
    Some(InPlace {
        loop_stmt: loop_stmt.id,
        completes_inside,
        refs,
    })
}

/// What a loop body contains: its suspension points, the bindings it declares, and its code.
#[derive(Default)]
struct Inside {
    yields: usize,
    declared: BTreeSet<BindingId>,
    stmts: Vec<syn::Stmt>,
    fragments: Vec<syn::Expr>,
}

impl Inside {
    fn block(&mut self, block: &Block) {
        self.declared.extend(&block.entry_bindings);
        for stmt in &block.stmts {
            self.stmt(stmt);
        }
    }

    fn stmt(&mut self, stmt: &Stmt) {
        match &stmt.kind {
            StmtKind::Plain { stmt, declares } => {
                self.declared.extend(declares);
                self.stmts.push(stmt.clone());
            }
            StmtKind::Yield { value, resume, .. } => {
                self.yields += 1;
                self.declared.extend(resume);
                self.fragments.push(value.clone());
            }
            StmtKind::If { cond, .. } => self.fragments.push(cond.clone()),
            StmtKind::Match { scrutinee, arms } => {
                self.fragments.push(scrutinee.clone());
                self.fragments
                    .extend(arms.iter().filter_map(|a| a.guard.clone()));
            }
            StmtKind::Loop { .. } | StmtKind::Labeled { .. } | StmtKind::Block(_) => {}
        }
        for child in stmt.children() {
            self.block(child);
        }
    }
}

/// Whether `stmt` contains a `return` of the generator (outside closures and items), as
/// `return` and `?` are after the prepass.
fn contains_return(stmt: &syn::Stmt) -> bool {
    struct Find(bool);
    impl syn::visit::Visit<'_> for Find {
        fn visit_expr_return(&mut self, _: &syn::ExprReturn) {
            self.0 = true;
        }
        fn visit_expr_closure(&mut self, _: &syn::ExprClosure) {}
        fn visit_expr_async(&mut self, _: &syn::ExprAsync) {}
        fn visit_item(&mut self, _: &syn::Item) {}
    }
    let mut find = Find(false);
    syn::visit::Visit::visit_stmt(&mut find, stmt);
    find.0
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    /// The mention is used as a place (borrowed, indexed, assigned).
    Place,
    /// Anything else.
    Value,
}

/// Checks that every mention of a saved name is used as a place.
struct Check {
    names: BTreeSet<String>,
    /// Names bound inside the fragment, innermost last.
    shadowed: Vec<String>,
    ok: bool,
}

impl Check {
    fn is_saved(&self, ident: &syn::Ident) -> bool {
        let name = ident.to_string();
        self.names.contains(&name) && !self.shadowed.contains(&name)
    }

    fn bind(&mut self, pat: &syn::Pat) -> usize {
        let bindings = crate::names::pat_bindings(pat);
        let n = bindings.len();
        self.shadowed
            .extend(bindings.into_iter().map(|b| b.ident.to_string()));
        n
    }

    fn unbind(&mut self, n: usize) {
        self.shadowed.truncate(self.shadowed.len() - n);
    }

    fn stmt(&mut self, stmt: &mut syn::Stmt) {
        match stmt {
            syn::Stmt::Local(local) => {
                if let Some(init) = &mut local.init {
                    self.expr(&mut init.expr, Ctx::Value);
                    if let Some((_, diverge)) = &mut init.diverge {
                        self.expr(diverge, Ctx::Value);
                    }
                }
                // Bindings of a plain `let` stay in scope to the end of the fragment.
                self.bind(&local.pat);
            }
            syn::Stmt::Expr(expr, _) => self.expr(expr, Ctx::Value),
            syn::Stmt::Macro(m) => self.tokens(&m.mac.tokens),
            syn::Stmt::Item(_) => {}
        }
    }

    fn tokens(&mut self, tokens: &proc_macro2::TokenStream) {
        let mut mentioned = Vec::new();
        crate::names::macro_mentions(tokens, &mut mentioned);
        if mentioned.iter().any(|i| self.is_saved(i)) {
            self.ok = false;
        }
    }

    fn expr(&mut self, expr: &mut syn::Expr, ctx: Ctx) {
        if !self.ok {
            return;
        }
        match expr {
            syn::Expr::Path(p) => {
                if let Some(ident) = p.path.get_ident()
                    && self.is_saved(ident)
                    && ctx == Ctx::Value
                {
                    self.ok = false;
                }
            }
            syn::Expr::Reference(r) => self.expr(&mut r.expr, Ctx::Place),
            syn::Expr::Index(i) => {
                self.expr(&mut i.expr, Ctx::Place);
                self.expr(&mut i.index, Ctx::Value);
            }
            syn::Expr::Field(f) => self.expr(&mut f.base, ctx),
            syn::Expr::Paren(p) => self.expr(&mut p.expr, ctx),
            syn::Expr::Assign(a) => {
                self.expr(&mut a.left, Ctx::Place);
                self.expr(&mut a.right, Ctx::Value);
            }
            syn::Expr::Binary(b) if names::is_compound_assignment(&b.op) => {
                self.expr(&mut b.left, Ctx::Place);
                self.expr(&mut b.right, Ctx::Value);
            }
            syn::Expr::Macro(m) => self.tokens(&m.mac.tokens),
            syn::Expr::Closure(c) => {
                let mut mentioned = Vec::new();
                crate::names::macro_mentions(&quote::quote!(#c), &mut mentioned);
                if mentioned.iter().any(|i| self.is_saved(i)) {
                    self.ok = false;
                }
            }
            syn::Expr::Async(_) => {
                self.ok = false;
            }
            syn::Expr::Block(b) => self.block(&mut b.block),
            syn::Expr::Unsafe(u) => self.block(&mut u.block),
            syn::Expr::Loop(l) => self.block(&mut l.body),
            syn::Expr::While(w) => {
                self.expr(&mut w.cond, Ctx::Value);
                self.block(&mut w.body);
            }
            syn::Expr::ForLoop(f) => {
                self.expr(&mut f.expr, Ctx::Value);
                let n = self.bind(&f.pat);
                self.block(&mut f.body);
                self.unbind(n);
            }
            syn::Expr::If(i) => {
                self.expr(&mut i.cond, Ctx::Value);
                self.block(&mut i.then_branch);
                if let Some((_, els)) = &mut i.else_branch {
                    self.expr(els, Ctx::Value);
                }
            }
            syn::Expr::Let(l) => {
                self.expr(&mut l.expr, Ctx::Value);
                // Conservatively keep the bindings for the rest of the fragment.
                self.bind(&l.pat);
            }
            syn::Expr::Match(m) => {
                self.expr(&mut m.expr, Ctx::Value);
                for arm in &mut m.arms {
                    let n = self.bind(&arm.pat);
                    if let Some((_, guard)) = &mut arm.guard {
                        self.expr(guard, Ctx::Value);
                    }
                    self.expr(&mut arm.body, Ctx::Value);
                    self.unbind(n);
                }
            }
            _ => {
                // Every other operand is a value.
                struct Children<'a>(&'a mut Check);
                impl VisitMut for Children<'_> {
                    fn visit_expr_mut(&mut self, e: &mut syn::Expr) {
                        self.0.expr(e, Ctx::Value);
                    }
                    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
                    fn visit_macro_mut(&mut self, m: &mut syn::Macro) {
                        self.0.tokens(&m.tokens);
                    }
                }
                visit_mut::visit_expr_mut(&mut Children(self), expr);
            }
        }
    }

    fn block(&mut self, block: &mut syn::Block) {
        let before = self.shadowed.len();
        for stmt in &mut block.stmts {
            self.stmt(stmt);
        }
        self.shadowed.truncate(before);
    }
}

/// Rewrites the mentions of saved bindings into uses of their references: `x` → `(*r)`.
pub struct Rewrite<'a> {
    pub names: BTreeMap<String, &'a syn::Ident>,
    shadowed: Vec<String>,
}

impl<'a> Rewrite<'a> {
    pub fn new(body: &Body, plan: &'a InPlace) -> Self {
        Rewrite {
            names: plan
                .refs
                .iter()
                .map(|(&id, r)| (body.bindings[id].ident.to_string(), r))
                .collect(),
            shadowed: Vec::new(),
        }
    }

    fn bind(&mut self, pat: &syn::Pat) -> usize {
        let bindings = crate::names::pat_bindings(pat);
        let n = bindings.len();
        self.shadowed
            .extend(bindings.into_iter().map(|b| b.ident.to_string()));
        n
    }
}

impl Rewrite<'_> {
    /// `(*r)` for a mention of a value the arm keeps in place, located at `at`.
    fn deref(&self, ident: &syn::Ident, at: Span) -> Option<syn::Expr> {
        let name = ident.to_string();
        if self.shadowed.contains(&name) {
            return None;
        }
        let r = self.names.get(&name)?;
        let r = syn::Ident::new(&r.to_string(), Span::mixed_site().located_at(at));
        Some(syn::parse_quote_spanned!(at=> (*#r)))
    }
}

impl VisitMut for Rewrite<'_> {
    fn visit_expr_mut(&mut self, expr: &mut syn::Expr) {
        match expr {
            syn::Expr::Path(p) if p.qself.is_none() => {
                if let Some(ident) = p.path.get_ident()
                    && let Some(deref) = self.deref(ident, ident.span())
                {
                    *expr = deref;
                }
            }
            syn::Expr::Reference(r) => match &*r.expr {
                // Located at the `&`: a hygienic binding's own span would make rustc report
                // an error in it (a `yield_from!` operand that is no generator) at the
                // attribute.
                syn::Expr::Path(p) if p.qself.is_none() => {
                    if let Some(ident) = p.path.get_ident()
                        && let Some(deref) = self.deref(ident, r.and_token.span)
                    {
                        *r.expr = deref;
                    }
                }
                _ => visit_mut::visit_expr_reference_mut(self, r),
            },
            syn::Expr::Match(m) => {
                self.visit_expr_mut(&mut m.expr);
                for arm in &mut m.arms {
                    let n = self.bind(&arm.pat);
                    if let Some((_, guard)) = &mut arm.guard {
                        self.visit_expr_mut(guard);
                    }
                    self.visit_expr_mut(&mut arm.body);
                    self.shadowed.truncate(self.shadowed.len() - n);
                }
            }
            syn::Expr::ForLoop(f) => {
                self.visit_expr_mut(&mut f.expr);
                let n = self.bind(&f.pat);
                self.visit_block_mut(&mut f.body);
                self.shadowed.truncate(self.shadowed.len() - n);
            }
            syn::Expr::Let(l) => {
                self.visit_expr_mut(&mut l.expr);
                self.bind(&l.pat);
            }
            _ => visit_mut::visit_expr_mut(self, expr),
        }
    }

    fn visit_block_mut(&mut self, block: &mut syn::Block) {
        let before = self.shadowed.len();
        visit_mut::visit_block_mut(self, block);
        self.shadowed.truncate(before);
    }

    fn visit_local_mut(&mut self, local: &mut syn::Local) {
        if let Some(init) = &mut local.init {
            self.visit_expr_mut(&mut init.expr);
            if let Some((_, diverge)) = &mut init.diverge {
                self.visit_expr_mut(diverge);
            }
        }
        self.bind(&local.pat);
    }

    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}
