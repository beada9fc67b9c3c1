//! Control flow with suspension points inside: `if` and `let` chains, `match`, loops,
//! labeled blocks.

use super::*;

impl Lowerer<'_> {
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
    pub(super) fn lower_if(&mut self, e: &syn::ExprIf, dest: Dest, out: &mut Vec<Stmt>) {
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
    pub(super) fn lower_chain(
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
            lifetime: Some(label.clone()),
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
    pub(super) fn chain_rest(
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
    pub(super) fn else_block(&mut self, els: &syn::Expr, dest: Dest) -> Block {
        self.block_with(|lw, out| match els {
            syn::Expr::Block(b) if b.label.is_none() => lw.stmts(&b.block.stmts, dest, out),
            other => lw.expr_into(other, dest, out),
        })
    }

    pub(super) fn push_if(
        &mut self,
        cond: syn::Expr,
        then: Block,
        els: Option<Block>,
        out: &mut Vec<Stmt>,
    ) {
        let diverges = els.as_ref().is_some_and(block_diverges) && block_diverges(&then);
        let stmt = self.stmt(StmtKind::If { cond, then, els }, diverges);
        out.push(stmt);
    }

    /// Hoists the suspension points out of one condition of a chain: `let P = e` keeps its
    /// pattern, `e` keeps its position as the last thing evaluated.
    pub(super) fn lower_cond(&mut self, cond: &syn::Expr, out: &mut Vec<Stmt>) -> syn::Expr {
        match cond {
            syn::Expr::Let(l) => {
                let mut l = l.clone();
                *l.expr = self.expr_value(&l.expr, out);
                syn::Expr::Let(l)
            }
            other => self.expr_value(other, out),
        }
    }

    pub(super) fn lower_match(&mut self, e: &syn::ExprMatch, dest: Dest, out: &mut Vec<Stmt>) {
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

    pub(super) fn lower_loop(&mut self, e: &syn::ExprLoop, dest: Dest, out: &mut Vec<Stmt>) {
        // A new result temporary is declared only if some `break` gives the loop a value.
        let (result, fresh) = match dest {
            Dest::Discard => (None, false),
            Dest::Assign(t) => (Some(t), false),
            Dest::Return => (Some(self.temp("t", e.loop_token.span)), true),
        };
        let at = out.len();
        self.push_frame(e.label.as_ref(), true, result);
        let body = self.block_with(|lw, out| lw.stmts(&e.body.stmts, Dest::Discard, out));
        let broken = self.push_loop(body, out);
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
    pub(super) fn declare_result(&mut self, result: BindingId) -> Stmt {
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
    pub(super) fn push_loop(&mut self, body: Block, out: &mut Vec<Stmt>) -> bool {
        let frame = self.frames.pop().expect("the loop's frame");
        let stmt = self.stmt(
            StmtKind::Loop {
                label: frame.lifetime.clone(),
                body,
            },
            !frame.broken,
        );
        out.push(stmt);
        frame.broken
    }

    /// Input: `'l: while cond { body }`
    /// Output: `'l: loop { if cond { body } else { break } }`
    pub(super) fn lower_while(&mut self, e: &syn::ExprWhile, out: &mut Vec<Stmt>) {
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
        self.push_loop(body, out);
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
    pub(super) fn lower_for(&mut self, e: &syn::ExprForLoop, out: &mut Vec<Stmt>) {
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
                        // The probing traits are imported at the top of the function.
                        quote_spanned! {span=>
                            (&&#krate::__private::WalkProbe::new(&#place)).walker(#iterable)
                        },
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
            lw.push_loop(body, out);
        });
        let stmt = self.stmt(StmtKind::Block(block), false);
        out.push(stmt);
    }

    /// The local a `for` loop iterates by shared borrow: `&v` or `v.iter()`.
    pub(super) fn shared_walk_place(&self, iterable: &syn::Expr) -> Option<syn::Expr> {
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

    pub(super) fn lower_block_expr(&mut self, e: &syn::ExprBlock, dest: Dest, out: &mut Vec<Stmt>) {
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
                    && self.assigned.contains(&result)
                {
                    let value = self.path(result);
                    self.deliver(value, dest, out);
                }
            }
        }
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
