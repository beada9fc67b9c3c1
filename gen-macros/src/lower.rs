//! Lowering: the (prepassed) function body becomes an [`ir::Body`].
//!
//! Statements without a suspension point are kept as they are. A suspension point inside an
//! expression is hoisted into a [`StmtKind::Yield`] statement, after everything Rust evaluates
//! before it: operands to its left that are values are moved into temporaries (in order), while
//! places (`v`, `v.f`, `v[i]`) and borrows of places stay where they are and are evaluated after
//! the resume, so no temporary ever borrows from a saved local. Constructs whose value is
//! needed and that contain a suspension point write it to a result temporary declared before
//! them (`let t; if c { ..; t = a } else { t = b }`).

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
                let stmt: syn::Stmt = syn::parse_quote_spanned!(pat.span()=> let #pat = #stored;);
                let declares = lw.declare_pat(pat);
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

/// An enclosing loop or labeled block that contains a suspension point.
struct Frame {
    label: Option<String>,
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
        let semi = syn::Token![;](expr.span());
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
        let Jump::Break(expr) = jump else {
            return;
        };
        frame.broken = true;
        let Some(result) = frame.result else {
            return;
        };
        let syn::Expr::Break(brk) = expr else {
            return;
        };
        let value = brk.expr.take().map_or_else(|| quote!(()), |v| quote!(#v));
        let target = &self.bindings[result].ident;
        let plain_break = &*brk;
        *expr =
            syn::parse_quote_spanned! {plain_break.span()=> { #target = #value; #plain_break } };
    }

    fn push_frame(&mut self, label: Option<&syn::Label>, is_loop: bool, result: Option<BindingId>) {
        self.frames.push(Frame {
            label: label.map(|l| l.name.ident.to_string()),
            is_loop,
            result,
            broken: false,
        });
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
            unreachable!()
        };
        let declares = self.declare_pat(&local.pat);
        let lowered = self.stmt(StmtKind::Plain { stmt, declares }, false);
        out.push(lowered);
    }

    // ----- expressions whose value goes to a destination -----

    fn deliver(&mut self, value: syn::Expr, dest: Dest, out: &mut Vec<Stmt>) {
        let krate = self.args.krate_at(value.span());
        let stmt = match dest {
            Dest::Discard => self.plain_expr(value),
            Dest::Assign(result) => {
                let target = self.path(result);
                self.plain_expr(syn::parse_quote_spanned!(value.span()=> #target = #value))
            }
            Dest::Return => {
                let span = value.span();
                let ret = quote_spanned!(span=> return #krate::__private::GeneratorState::Complete(#value));
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

    // ----- control flow -----

    /// `if` whose condition or branches contain suspension points.
    ///
    /// The condition is split at `&&` (a `let` chain or a plain conjunction). Conditions before
    /// the first one with a suspension point stay in an `if`; the rest are tested inside it,
    /// after their suspension points, in a labeled block so the `else` branch is written once:
    ///
    /// Input: `if a && let Some(x) = f(r#yield!(y)) && b { T } else { E }`
    /// Output:
    /// ```text
    /// 'chain: {
    ///     if a {
    ///         let r = yield y;       // suspension point
    ///         if let Some(x) = f(r) && b { T; break 'chain; }
    ///     }
    ///     E
    /// }
    /// ```
    fn lower_if(&mut self, e: &syn::ExprIf, dest: Dest, out: &mut Vec<Stmt>) {
        let conds = split_conjunction(&e.cond);
        match conds.iter().position(|c| contains_marker(c)) {
            None => {
                let cond = self.fragment((*e.cond).clone());
                let pats = let_patterns(&conds);
                let then =
                    self.block_binding(&pats, |lw, out| lw.stmts(&e.then_branch.stmts, dest, out));
                let els = e
                    .else_branch
                    .as_ref()
                    .map(|(_, els)| self.else_block(els, dest));
                self.push_if(cond, then, els, out);
            }
            Some(0) if conds[1..].iter().all(|c| !contains_marker(c)) => {
                // Only the first condition suspends, and it always runs: hoist it.
                let mut lowered = vec![self.lower_cond(conds[0], out)];
                lowered.extend(conds[1..].iter().map(|c| (*c).clone()));
                let mut e = e.clone();
                *e.cond = join_conjunction(lowered);
                self.lower_if(&e, dest, out);
            }
            Some(first_marked) => self.lower_chain(e, &conds, first_marked, dest, out),
        }
    }

    /// The labeled-block form of [`Lowerer::lower_if`].
    fn lower_chain(
        &mut self,
        e: &syn::ExprIf,
        conds: &[&syn::Expr],
        first_marked: usize,
        dest: Dest,
        out: &mut Vec<Stmt>,
    ) {
        let label = syn::Lifetime::new(&format!("'__chain{}", self.temp_count), Span::mixed_site());
        self.temp_count += 1;
        self.frames.push(Frame {
            label: Some(label.ident.to_string()),
            is_loop: false,
            result: None,
            broken: false,
        });
        let body = self.block_with(|lw, out| {
            if first_marked == 0 {
                lw.chain_rest(conds, &e.then_branch, dest, &label, out);
            } else {
                let prefix = lw.fragment(join_conjunction(
                    conds[..first_marked].iter().map(|c| (*c).clone()).collect(),
                ));
                let then = lw.block_binding(&let_patterns(&conds[..first_marked]), |lw, out| {
                    lw.chain_rest(&conds[first_marked..], &e.then_branch, dest, &label, out);
                });
                lw.push_if(prefix, then, None, out);
            }
            match &e.else_branch {
                Some((_, els)) => {
                    let els = lw.else_block(els, dest);
                    out.extend(els.stmts);
                }
                None => lw.deliver_unit(dest, out),
            }
        });
        let frame = self.frames.pop().expect("pushed above");
        let diverges = block_diverges(&body) && !frame.broken;
        let stmt = self.stmt(StmtKind::Labeled { label, body }, diverges);
        out.push(stmt);
    }

    /// The conditions of a chain from one with a suspension point on: hoist its suspension
    /// points, then test it with the conditions up to the next one that suspends; the last
    /// level runs the then-branch and leaves the chain's labeled block.
    fn chain_rest(
        &mut self,
        conds: &[&syn::Expr],
        then_branch: &syn::Block,
        dest: Dest,
        label: &syn::Lifetime,
        out: &mut Vec<Stmt>,
    ) {
        let first = self.lower_cond(conds[0], out);
        let next_marked = conds[1..]
            .iter()
            .position(|c| contains_marker(c))
            .map_or(conds.len(), |i| i + 1);
        let mut tested = vec![first];
        tested.extend(conds[1..next_marked].iter().map(|c| (*c).clone()));
        let cond = self.fragment(join_conjunction(tested));
        let pats = let_patterns(&conds[..next_marked]);
        let then = self.block_binding(&pats, |lw, out| {
            if next_marked < conds.len() {
                lw.chain_rest(&conds[next_marked..], then_branch, dest, label, out);
            } else {
                lw.stmts(&then_branch.stmts, dest, out);
                if !out.iter().any(|s| s.diverges) {
                    let leave = lw.plain_expr(syn::parse_quote!(break #label));
                    out.push(leave);
                }
            }
        });
        self.push_if(cond, then, None, out);
    }

    /// An `else` branch: a block's statements directly, or an `else if`.
    fn else_block(&mut self, els: &syn::Expr, dest: Dest) -> Block {
        self.block_with(|lw, out| match els {
            syn::Expr::Block(b) if b.label.is_none() => lw.stmts(&b.block.stmts, dest, out),
            other => lw.expr_into(other, dest, out),
        })
    }

    fn push_if(&mut self, cond: syn::Expr, then: Block, els: Option<Block>, out: &mut Vec<Stmt>) {
        let diverges = els.as_ref().is_some_and(block_diverges) && block_diverges(&then);
        let stmt = self.stmt(StmtKind::If { cond, then, els }, diverges);
        out.push(stmt);
    }

    /// Hoists the suspension points out of one condition of a chain: `let P = e` keeps its
    /// pattern, `e` keeps its position as the last thing evaluated.
    fn lower_cond(&mut self, cond: &syn::Expr, out: &mut Vec<Stmt>) -> syn::Expr {
        match cond {
            syn::Expr::Let(l) => {
                let mut l = l.clone();
                *l.expr = self.expr_value(&l.expr, out);
                syn::Expr::Let(l)
            }
            other => self.expr_value(other, out),
        }
    }

    fn lower_match(&mut self, e: &syn::ExprMatch, dest: Dest, out: &mut Vec<Stmt>) {
        let scrutinee = if contains_marker(&e.expr) {
            self.expr_value(&e.expr, out)
        } else {
            self.fragment((*e.expr).clone())
        };
        let arms_have_markers = e.arms.iter().any(|arm| contains_marker(&arm.body));
        if !arms_have_markers {
            let mut m = e.clone();
            *m.expr = scrutinee;
            self.deliver(syn::Expr::Match(m), dest, out);
            return;
        }
        let arms: Vec<Arm> = e
            .arms
            .iter()
            .map(|arm| {
                let guard = arm
                    .guard
                    .as_ref()
                    .map(|(_, g)| self.fragment((**g).clone()));
                let body = self.block_binding(&[&arm.pat], |lw, out| match &*arm.body {
                    syn::Expr::Block(b) if b.label.is_none() => lw.stmts(&b.block.stmts, dest, out),
                    other => lw.expr_into(other, dest, out),
                });
                Arm {
                    attrs: arm.attrs.clone(),
                    pat: arm.pat.clone(),
                    guard,
                    body,
                }
            })
            .collect();
        let diverges = !arms.is_empty() && arms.iter().all(|a| block_diverges(&a.body));
        let stmt = self.stmt(StmtKind::Match { scrutinee, arms }, diverges);
        out.push(stmt);
    }

    fn lower_loop(&mut self, e: &syn::ExprLoop, dest: Dest, out: &mut Vec<Stmt>) {
        // A new result temporary is declared only if some `break` gives the loop a value.
        let (result, fresh) = match dest {
            Dest::Discard => (None, false),
            Dest::Assign(t) => (Some(t), false),
            Dest::Return => (Some(self.temp("t", e.loop_token.span)), true),
        };
        let at = out.len();
        self.push_frame(e.label.as_ref(), true, result);
        let body = self.block_with(|lw, out| lw.stmts(&e.body.stmts, Dest::Discard, out));
        let broken = self.push_loop(e.label.as_ref(), body, out);
        if let Some(result) = result
            && broken
            && fresh
        {
            let declare = self.declare_result(result);
            out.insert(at, declare);
            let value = self.path(result);
            self.deliver(value, dest, out);
        }
    }

    /// `let t;` for a result temporary.
    fn declare_result(&mut self, result: BindingId) -> Stmt {
        let ident = self.bindings[result].ident.clone();
        self.stmt(
            StmtKind::Plain {
                stmt: syn::parse_quote!(let #ident;),
                declares: vec![result],
            },
            false,
        )
    }

    /// Pops the loop's frame and emits it; returns whether a `break` leaves it.
    fn push_loop(&mut self, label: Option<&syn::Label>, body: Block, out: &mut Vec<Stmt>) -> bool {
        let frame = self.frames.pop().expect("the loop's frame");
        let stmt = self.stmt(
            StmtKind::Loop {
                label: label.map(|l| l.name.clone()),
                body,
            },
            !frame.broken,
        );
        out.push(stmt);
        frame.broken
    }

    /// Input: `'l: while cond { body }`
    /// Output: `'l: loop { if cond { body } else { break } }`
    fn lower_while(&mut self, e: &syn::ExprWhile, out: &mut Vec<Stmt>) {
        self.push_frame(e.label.as_ref(), true, None);
        let as_if = syn::ExprIf {
            attrs: Vec::new(),
            if_token: syn::Token![if](e.while_token.span),
            cond: e.cond.clone(),
            then_branch: e.body.clone(),
            else_branch: Some((
                syn::Token![else](e.while_token.span),
                Box::new(syn::parse_quote_spanned!(e.while_token.span=> { break })),
            )),
        };
        let body = self.block_with(|lw, out| lw.lower_if(&as_if, Dest::Discard, out));
        self.push_loop(e.label.as_ref(), body, out);
    }

    /// Input: `'l: for pat in iterable { body }`
    /// Output:
    /// ```text
    /// {
    ///     let mut iter = IntoIterator::into_iter(iterable);
    ///     'l: loop {
    ///         match Iterator::next(&mut iter) {
    ///             Some(pat) => body,
    ///             None => break,
    ///         }
    ///     }
    /// }
    /// ```
    fn lower_for(&mut self, e: &syn::ExprForLoop, out: &mut Vec<Stmt>) {
        let span = e.for_token.span;
        let krate = &self.args.krate_at(span);
        let block = self.block_with(|lw, out| {
            let iter = lw.temp("iter", span);
            lw.bindings[iter].mutable = true;
            let iter_ident = lw.bindings[iter].ident.clone();
            // `for x in &v` / `v.iter()` over a local: walk it by position when it can be
            // indexed, so the saved state holds no borrow of `v`.
            let walked = lw.shared_walk_place(&e.expr);
            let (init, next) = match walked {
                Some(place) => {
                    let iterable = &e.expr;
                    (
                        quote_spanned! {span=> {
                            #[allow(unused_imports)]
                            use #krate::__private::{ViaIndex as _, ViaIterable as _};
                            (&&#krate::__private::WalkProbe::new(&#place)).walker(#iterable)
                        }},
                        quote_spanned!(span=> #krate::__private::Walk::next_in(&mut #iter_ident, &#place)),
                    )
                }
                None => {
                    let iterable = lw.expr_value(&e.expr, out);
                    (
                        quote_spanned!(span=> #krate::__private::IntoIterator::into_iter(#iterable)),
                        quote_spanned!(span=> #krate::__private::Iterator::next(&mut #iter_ident)),
                    )
                }
            };
            let stmt = lw.stmt(
                StmtKind::Plain {
                    stmt: syn::parse_quote_spanned!(span=> let mut #iter_ident = #init;),
                    declares: vec![iter],
                },
                false,
            );
            out.push(stmt);
            lw.push_frame(e.label.as_ref(), true, None);
            let body = lw.block_with(|lw, out| {
                let scrutinee: syn::Expr = syn::parse_quote!(#next);
                let pat = &e.pat;
                let some_pat: syn::Pat = syn::parse_quote_spanned!(span=> #krate::__private::Some(#pat));
                let none_pat: syn::Pat = syn::parse_quote_spanned!(span=> #krate::__private::None);
                let some_body =
                    lw.block_binding(&[&*e.pat], |lw, out| lw.stmts(&e.body.stmts, Dest::Discard, out));
                let none_body = lw.block_with(|lw, out| {
                    let brk = lw.plain_expr(syn::parse_quote_spanned!(span=> break));
                    out.push(brk);
                });
                let arms = vec![
                    Arm {
                        attrs: Vec::new(),
                        pat: some_pat,
                        guard: None,
                        body: some_body,
                    },
                    Arm {
                        attrs: Vec::new(),
                        pat: none_pat,
                        guard: None,
                        body: none_body,
                    },
                ];
                let stmt = lw.stmt(StmtKind::Match { scrutinee, arms }, false);
                out.push(stmt);
            });
            lw.push_loop(e.label.as_ref(), body, out);
        });
        let stmt = self.stmt(StmtKind::Block(block), false);
        out.push(stmt);
    }

    /// The local a `for` loop iterates by shared borrow: `&v` or `v.iter()`.
    fn shared_walk_place(&self, iterable: &syn::Expr) -> Option<syn::Expr> {
        let place = match iterable {
            syn::Expr::Reference(r) if r.mutability.is_none() => &*r.expr,
            syn::Expr::MethodCall(m)
                if m.method == "iter" && m.args.is_empty() && m.turbofish.is_none() =>
            {
                &*m.receiver
            }
            _ => return None,
        };
        let syn::Expr::Path(path) = place else {
            return None;
        };
        let ident = path.path.get_ident()?;
        self.resolve(ident)?;
        Some(place.clone())
    }

    fn lower_block_expr(&mut self, e: &syn::ExprBlock, dest: Dest, out: &mut Vec<Stmt>) {
        match &e.label {
            None => {
                let block = self.block_with(|lw, out| lw.stmts(&e.block.stmts, dest, out));
                let diverges = block_diverges(&block);
                let stmt = self.stmt(StmtKind::Block(block), diverges);
                out.push(stmt);
            }
            Some(label) => {
                let (result, fresh) = match dest {
                    Dest::Discard => (None, false),
                    Dest::Assign(t) => (Some(t), false),
                    Dest::Return => (Some(self.result_temp(out)), true),
                };
                self.push_frame(Some(label), false, result);
                let inner = match result {
                    Some(r) => Dest::Assign(r),
                    None => Dest::Discard,
                };
                let body = self.block_with(|lw, out| lw.stmts(&e.block.stmts, inner, out));
                let frame = self.frames.pop().expect("pushed above");
                let diverges = block_diverges(&body) && !frame.broken;
                let stmt = self.stmt(
                    StmtKind::Labeled {
                        label: label.name.clone(),
                        body,
                    },
                    diverges,
                );
                out.push(stmt);
                if let Some(result) = result
                    && fresh
                {
                    let value = self.path(result);
                    self.deliver(value, dest, out);
                }
            }
        }
    }

    // ----- suspension points -----

    fn yield_operand(&mut self, mac: &syn::Macro, out: &mut Vec<Stmt>) -> syn::Expr {
        if mac.tokens.is_empty() {
            return syn::parse_quote_spanned!(mac.path.span()=> ());
        }
        match syn::parse2::<syn::Expr>(mac.tokens.clone()) {
            Ok(operand) => self.expr_value(&operand, out),
            // The prepass reported it.
            Err(_) => syn::parse_quote!(()),
        }
    }

    fn push_yield(
        &mut self,
        value: syn::Expr,
        resume: Option<BindingId>,
        span: Span,
        out: &mut Vec<Stmt>,
    ) {
        let id = self.suspends.len();
        self.suspends.push(Suspend { span });
        let value = self.fragment(value);
        let stmt = self.stmt(StmtKind::Yield { id, value, resume }, true);
        out.push(stmt);
    }

    /// `yield_from!(operand)`, as code with an ordinary suspension point:
    ///
    /// ```text
    /// {
    ///     let mut d = <operand as a generator: itself, or from_iter(operand)>;
    ///     let mut s = Generator::start(&mut d);
    ///     loop {
    ///         match s {
    ///             GeneratorState::Yielded(y) => s = Generator::resume(&mut d, r#yield!(y)),
    ///             GeneratorState::Complete(v) => break v,
    ///         }
    ///     }
    /// }
    /// ```
    fn yield_from(&mut self, mac: &syn::Macro) -> syn::Expr {
        let operand: syn::Expr = match syn::parse2(mac.tokens.clone()) {
            Ok(operand) => operand,
            Err(_) => return syn::parse_quote!(()),
        };
        let span = operand.span();
        let krate = &self.args.krate_at(span);
        let n = self.temp_count;
        self.temp_count += 1;
        // Hygienic names, located at the operand so errors point there.
        let at = Span::mixed_site().located_at(span);
        let d = format_ident!("__delegate{}", n, span = at);
        let s = format_ident!("__step{}", n, span = at);
        let y = format_ident!("__yielded{}", n, span = at);
        let v = format_ident!("__returned{}", n, span = at);
        let resume_ty = self
            .resume_ty
            .as_ref()
            .map_or_else(|| quote!(_), |ty| respan(quote!(#ty), span));
        let yield_marker = syn::Ident::new_raw("yield", span);
        let delegate = quote_spanned! {span=>
            {
                #[allow(unused_imports)]
                use #krate::__private::{ViaGenerator as _, ViaIterator as _, ViaNeither as _};
                (&&#krate::__private::Operand::<_, #resume_ty>::new(#operand)).yield_from_delegate()
            }
        };
        let start =
            quote_spanned! {span=> #krate::__private::Generator::<#resume_ty>::start(&mut #d) };
        let resume = quote_spanned! {span=>
            #krate::__private::Generator::<#resume_ty>::resume(&mut #d, #yield_marker!(#y))
        };
        syn::parse_quote_spanned! {span=>
            {
                let mut #d = #delegate;
                let mut #s = #start;
                loop {
                    match #s {
                        #krate::__private::GeneratorState::Yielded(#y) => {
                            #s = #resume;
                        }
                        #krate::__private::GeneratorState::Complete(#v) => break #v,
                    }
                }
            }
        }
    }

    // ----- values -----

    /// Lowers `expr` to a yield-free expression that computes its value, pushing what must
    /// run before it (suspension points, hoisted operands) to `out`.
    fn expr_value(&mut self, expr: &syn::Expr, out: &mut Vec<Stmt>) -> syn::Expr {
        if !contains_marker(expr) {
            return expr.clone();
        }
        match expr {
            syn::Expr::Macro(m) => match names::marker_of(&m.mac.path) {
                Some(Marker::Yield) => {
                    let value = self.yield_operand(&m.mac, out);
                    let resume = self.temp("resume", m.mac.path.span());
                    self.push_yield(value, Some(resume), m.mac.path.span(), out);
                    self.path(resume)
                }
                Some(Marker::YieldFrom) => {
                    let desugared = self.yield_from(&m.mac);
                    self.expr_value(&desugared, out)
                }
                None => self.macro_args(m, out),
            },
            syn::Expr::If(_)
            | syn::Expr::Match(_)
            | syn::Expr::Loop(_)
            | syn::Expr::Block(_)
            | syn::Expr::While(_)
            | syn::Expr::ForLoop(_) => {
                let result = self.result_temp(out);
                self.expr_into(expr, Dest::Assign(result), out);
                self.path(result)
            }
            syn::Expr::Binary(b)
                if matches!(b.op, syn::BinOp::And(_) | syn::BinOp::Or(_))
                    && contains_marker(&b.right) =>
            {
                let as_if = syn::Expr::If(short_circuit_as_if(b));
                self.expr_value(&as_if, out)
            }
            syn::Expr::Paren(p) => {
                let inner = self.expr_value(&p.expr, out);
                wrap_if_needed(inner)
            }
            syn::Expr::Group(g) => self.expr_value(&g.expr, out),
            syn::Expr::Return(r) => {
                let mut r = r.clone();
                if let Some(value) = &mut r.expr {
                    **value = self.expr_value(value, out);
                }
                syn::Expr::Return(r)
            }
            syn::Expr::Break(b) => {
                let mut b = b.clone();
                if let Some(value) = &mut b.expr {
                    **value = self.expr_value(value, out);
                }
                self.fragment(syn::Expr::Break(b))
            }
            _ => {
                let mut expr = expr.clone();
                self.sequence(&mut expr, out);
                expr
            }
        }
    }

    /// Lowers the operands of a compound expression in evaluation order, in place. Operands
    /// after the last suspension point are left alone: they run after it anyway.
    fn sequence(&mut self, expr: &mut syn::Expr, out: &mut Vec<Stmt>) {
        let operands = operands(expr);
        self.sequence_operands(operands, out);
    }

    /// [`Lowerer::sequence`] for the elements of a tuple standing for macro arguments.
    fn sequence_as(&mut self, tuple: &mut syn::Expr, use_: Use, out: &mut Vec<Stmt>) {
        let syn::Expr::Tuple(t) = tuple else {
            return;
        };
        let operands = t.elems.iter_mut().map(|e| (e, use_, false)).collect();
        self.sequence_operands(operands, out);
    }

    fn sequence_operands(
        &mut self,
        mut operands: Vec<(&mut syn::Expr, Use, bool)>,
        out: &mut Vec<Stmt>,
    ) {
        let Some(last) = operands.iter().rposition(|(e, _, _)| contains_marker(e)) else {
            return;
        };
        for (i, (operand, use_, parens)) in operands[..=last].iter_mut().enumerate() {
            let lowered = match use_ {
                Use::Place => self.place(operand, out),
                Use::Value if contains_marker(operand) => self.expr_value(operand, out),
                Use::Value if self.reevaluable(operand) => continue,
                Use::Value => {
                    let value = (**operand).clone();
                    self.hoist(value, out)
                }
            };
            // Whatever of an operand remains to compute must run before the next operand's
            // suspension point.
            let lowered = if i < last && *use_ == Use::Value && !self.reevaluable(&lowered) {
                self.hoist(lowered, out)
            } else {
                lowered
            };
            **operand = if *parens {
                wrap_if_needed(lowered)
            } else {
                lowered
            };
        }
    }

    /// A standard macro with a suspension point among its arguments: the arguments are
    /// operands, in order (taken by reference by the formatting macros).
    fn macro_args(&mut self, m: &syn::ExprMacro, out: &mut Vec<Stmt>) -> syn::Expr {
        let Some(mut args) = names::MacroArgs::parse(&m.mac) else {
            return syn::Expr::Macro(m.clone());
        };
        let use_ = if args.by_ref { Use::Place } else { Use::Value };
        let mut as_tuple = syn::Expr::Tuple(syn::ExprTuple {
            attrs: Vec::new(),
            paren_token: Default::default(),
            elems: args.exprs.iter().cloned().collect(),
        });
        self.sequence_as(&mut as_tuple, use_, out);
        if let syn::Expr::Tuple(t) = as_tuple {
            args.exprs = t.elems.into_iter().collect();
        }
        let mut m = m.clone();
        m.mac.tokens = args.to_tokens();
        syn::Expr::Macro(m)
    }

    /// A place operand: its projections stay, the values it is computed from are hoisted.
    fn place(&mut self, expr: &syn::Expr, out: &mut Vec<Stmt>) -> syn::Expr {
        match expr {
            syn::Expr::Path(_) => expr.clone(),
            syn::Expr::Paren(p) => {
                let inner = self.place(&p.expr, out);
                let mut p = p.clone();
                *p.expr = inner;
                syn::Expr::Paren(p)
            }
            syn::Expr::Field(f) => {
                let mut f = f.clone();
                *f.base = wrap_if_needed(self.place(&f.base, out));
                syn::Expr::Field(f)
            }
            syn::Expr::Index(ix) => {
                let mut ix = ix.clone();
                let mut as_expr = syn::Expr::Index(ix.clone());
                self.sequence_place_index(&mut as_expr, out);
                if let syn::Expr::Index(done) = as_expr {
                    ix = done;
                }
                syn::Expr::Index(ix)
            }
            syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => {
                let mut u = u.clone();
                if contains_marker(&u.expr) {
                    *u.expr = wrap_if_needed(self.expr_value(&u.expr, out));
                } else if !self.reevaluable(&u.expr) {
                    let value = (*u.expr).clone();
                    *u.expr = self.hoist(value, out);
                }
                syn::Expr::Unary(u)
            }
            // Not a place: a value computed before the suspension point, kept in a temporary.
            _ => {
                let value = self.expr_value(expr, out);
                if self.reevaluable(&value) {
                    value
                } else {
                    self.hoist(value, out)
                }
            }
        }
    }

    /// `base[index]` as a place: the base stays a place, the index is a value.
    fn sequence_place_index(&mut self, expr: &mut syn::Expr, out: &mut Vec<Stmt>) {
        let syn::Expr::Index(ix) = expr else {
            return;
        };
        let index_marked = contains_marker(&ix.index);
        *ix.expr = wrap_if_needed(self.place(&ix.expr, out));
        if index_marked {
            *ix.index = self.expr_value(&ix.index, out);
        } else if !self.reevaluable(&ix.index) {
            let value = (*ix.index).clone();
            *ix.index = self.hoist(value, out);
        }
    }

    /// `let tN = value;`, returning `tN`.
    fn hoist(&mut self, value: syn::Expr, out: &mut Vec<Stmt>) -> syn::Expr {
        let id = self.temp("t", value.span());
        let ident = self.bindings[id].ident.clone();
        let stmt = self.stmt(
            StmtKind::Plain {
                stmt: syn::parse_quote_spanned!(value.span()=> let #ident = #value;),
                declares: vec![id],
            },
            false,
        );
        out.push(stmt);
        self.path(id)
    }

    /// Whether evaluating `expr` after a suspension point instead of before it gives the same
    /// result: literals, constants, places and borrows of places, non-`move` closures.
    fn reevaluable(&self, expr: &syn::Expr) -> bool {
        match expr {
            syn::Expr::Lit(_) => true,
            syn::Expr::Path(p) => {
                p.qself.is_none()
                    && p.path.get_ident().is_none_or(|ident| {
                        // A local read by value keeps its position: it is only "re-evaluable" when it
                        // is not a local at all (a constant, a function).
                        self.resolve(ident).is_none()
                    })
            }
            syn::Expr::Reference(r) => is_pure_place(&r.expr, self),
            syn::Expr::Closure(c) => c.capture.is_none(),
            syn::Expr::Paren(p) => self.reevaluable(&p.expr),
            syn::Expr::Group(g) => self.reevaluable(&g.expr),
            _ => false,
        }
    }
}

fn is_pure_place(expr: &syn::Expr, lw: &Lowerer<'_>) -> bool {
    match expr {
        syn::Expr::Path(_) => true,
        syn::Expr::Field(f) => is_pure_place(&f.base, lw),
        syn::Expr::Index(i) => is_pure_place(&i.expr, lw) && lw.reevaluable(&i.index),
        syn::Expr::Paren(p) => is_pure_place(&p.expr, lw),
        syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => is_pure_place(&u.expr, lw),
        _ => false,
    }
}

/// `tokens` with every span moved to `span`.
fn respan(tokens: proc_macro2::TokenStream, span: Span) -> proc_macro2::TokenStream {
    tokens
        .into_iter()
        .map(|mut tt| {
            if let proc_macro2::TokenTree::Group(g) = &tt {
                let mut group = proc_macro2::Group::new(g.delimiter(), respan(g.stream(), span));
                group.set_span(span);
                tt = proc_macro2::TokenTree::Group(group);
            } else {
                tt.set_span(span);
            }
            tt
        })
        .collect()
}

/// Statements rustc also takes as never completing: jumps, and the panicking macros.
fn plain_diverges(stmt: &syn::Stmt) -> bool {
    let diverging_macro = |mac: &syn::Macro| {
        mac.path.segments.last().is_some_and(|s| {
            matches!(
                s.ident.to_string().as_str(),
                "panic" | "unreachable" | "todo" | "unimplemented"
            )
        })
    };
    match stmt {
        syn::Stmt::Expr(expr, _) => match expr {
            syn::Expr::Return(_) | syn::Expr::Break(_) | syn::Expr::Continue(_) => true,
            syn::Expr::Macro(m) => diverging_macro(&m.mac),
            _ => false,
        },
        syn::Stmt::Macro(m) => diverging_macro(&m.mac),
        _ => false,
    }
}

fn block_diverges(block: &Block) -> bool {
    block.stmts.iter().any(|s| s.diverges)
}

/// The operands of a compound expression in evaluation order: how each is used, and whether a
/// rebuilt operand needs parentheses there (operator positions do; argument lists do not).
fn operands(expr: &mut syn::Expr) -> Vec<(&mut syn::Expr, Use, bool)> {
    use Use::{Place, Value};
    match expr {
        syn::Expr::Array(a) => a.elems.iter_mut().map(|e| (e, Value, false)).collect(),
        syn::Expr::Tuple(t) => t.elems.iter_mut().map(|e| (e, Value, false)).collect(),
        // `place = value` evaluates the value first.
        syn::Expr::Assign(a) => vec![(&mut *a.right, Value, false), (&mut *a.left, Place, false)],
        syn::Expr::Binary(b) => {
            if names::is_compound_assignment(&b.op) {
                vec![(&mut *b.left, Place, false), (&mut *b.right, Value, false)]
            } else {
                vec![(&mut *b.left, Value, true), (&mut *b.right, Value, true)]
            }
        }
        // Calling borrows the callee (`FnMut` closures need it to be a place).
        syn::Expr::Call(c) => std::iter::once((&mut *c.func, Place, true))
            .chain(c.args.iter_mut().map(|e| (e, Value, false)))
            .collect(),
        syn::Expr::MethodCall(m) => std::iter::once((&mut *m.receiver, Place, true))
            .chain(m.args.iter_mut().map(|e| (e, Value, false)))
            .collect(),
        syn::Expr::Cast(c) => vec![(&mut *c.expr, Value, true)],
        syn::Expr::Field(f) => vec![(&mut *f.base, Place, true)],
        syn::Expr::Index(i) => vec![(&mut *i.expr, Place, true), (&mut *i.index, Value, false)],
        syn::Expr::Range(r) => r
            .start
            .iter_mut()
            .chain(r.end.iter_mut())
            .map(|e| (&mut **e, Value, true))
            .collect(),
        syn::Expr::Reference(r) => vec![(&mut *r.expr, Place, true)],
        syn::Expr::RawAddr(r) => vec![(&mut *r.expr, Place, true)],
        syn::Expr::Repeat(r) => vec![(&mut *r.expr, Value, false)],
        syn::Expr::Struct(s) => s
            .fields
            .iter_mut()
            .map(|f| (&mut f.expr, Value, false))
            .chain(s.rest.iter_mut().map(|r| (&mut **r, Value, false)))
            .collect(),
        syn::Expr::Unary(u) => vec![(&mut *u.expr, Value, true)],
        syn::Expr::Let(l) => vec![(&mut *l.expr, Value, false)],
        _ => Vec::new(),
    }
}

/// Expressions that can stand as an operand of any operator without parentheses.
fn is_atomic(expr: &syn::Expr) -> bool {
    matches!(
        expr,
        syn::Expr::Path(_)
            | syn::Expr::Lit(_)
            | syn::Expr::Call(_)
            | syn::Expr::MethodCall(_)
            | syn::Expr::Field(_)
            | syn::Expr::Index(_)
            | syn::Expr::Paren(_)
            | syn::Expr::Macro(_)
            | syn::Expr::Tuple(_)
            | syn::Expr::Array(_)
            | syn::Expr::Struct(_)
            | syn::Expr::Block(_)
    )
}

/// Parenthesizes a rebuilt operand that would otherwise print with the wrong precedence.
fn wrap_if_needed(expr: syn::Expr) -> syn::Expr {
    if is_atomic(&expr) {
        expr
    } else {
        syn::Expr::Paren(syn::ExprParen {
            attrs: Vec::new(),
            paren_token: Default::default(),
            expr: Box::new(expr),
        })
    }
}

/// A `let .. else` whose `else` block suspends, as a `match` that rebinds the pattern's
/// bindings:
///
/// Input: `let Some((a, mut b)) = value else { .. };`
/// Output: `let (a, mut b) = match value { Some((a, b)) => (a, b), _ => { .. } };`
fn let_else_as_match(local: &syn::Local, init: &syn::LocalInit, diverge: &syn::Expr) -> syn::Local {
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
fn short_circuit_as_if(b: &syn::ExprBinary) -> syn::ExprIf {
    let (left, right) = (&b.left, &b.right);
    let expr: syn::Expr = match b.op {
        syn::BinOp::And(_) => {
            syn::parse_quote_spanned!(b.op.span()=> if #left { #right } else { false })
        }
        _ => syn::parse_quote_spanned!(b.op.span()=> if #left { true } else { #right }),
    };
    match expr {
        syn::Expr::If(e) => e,
        _ => unreachable!(),
    }
}

/// The conditions of an `if` joined by `&&`, left to right.
fn split_conjunction(cond: &syn::Expr) -> Vec<&syn::Expr> {
    match cond {
        syn::Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => {
            let mut conds = split_conjunction(&b.left);
            conds.push(&b.right);
            conds
        }
        other => vec![other],
    }
}

fn join_conjunction(conds: Vec<syn::Expr>) -> syn::Expr {
    let mut iter = conds.into_iter();
    let first = iter.next().unwrap_or_else(|| syn::parse_quote!(true));
    iter.fold(first, |acc, c| syn::parse_quote!(#acc && #c))
}

fn let_patterns<'e>(conds: &[&'e syn::Expr]) -> Vec<&'e syn::Pat> {
    conds
        .iter()
        .filter_map(|c| match c {
            syn::Expr::Let(l) => Some(&*l.pat),
            _ => None,
        })
        .collect()
}
