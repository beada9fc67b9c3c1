//! Expressions with suspension points inside, in A-normal form: suspension points become
//! statements, and operands Rust evaluates before them are kept in temporaries or, for places,
//! evaluated after them.

use super::*;

impl Lowerer<'_> {
    // ----- suspension points -----

    pub(super) fn yield_operand(&mut self, mac: &syn::Macro, out: &mut Vec<Stmt>) -> syn::Expr {
        if mac.tokens.is_empty() {
            return syn::parse_quote_spanned!(mac.path.span()=> ());
        }
        match syn::parse2::<syn::Expr>(mac.tokens.clone()) {
            Ok(operand) => self.expr_value(&operand, out),
            // The prepass reported it.
            Err(_) => syn::parse_quote!(()),
        }
    }

    pub(super) fn push_yield(
        &mut self,
        value: syn::Expr,
        resume: Option<BindingId>,
        span: Span,
        out: &mut Vec<Stmt>,
    ) {
        self.push_suspend(value, resume, None, span, out);
    }

    fn push_suspend(
        &mut self,
        value: syn::Expr,
        resume: Option<BindingId>,
        delegate: Option<BindingId>,
        span: Span,
        out: &mut Vec<Stmt>,
    ) {
        let id = self.suspends.len();
        self.suspends.push(Suspend { span, delegate });
        let value = self.fragment(value);
        let stmt = self.stmt(StmtKind::Yield { id, value, resume }, false);
        out.push(stmt);
    }

    /// `yield_from!(operand)`, as code with a suspension point:
    ///
    /// ```text
    /// {
    ///     let mut d = Delegate::new(<operand as a generator: itself, or from_iter(operand)>);
    ///     let mut s = Delegate::start(&mut d, relocate);
    ///     loop {
    ///         match s {
    ///             GeneratorState::Yielded(y) => {
    ///                 let e = __delegated_yield!(y, d);
    ///                 s = Delegate::resume_entry(&mut d, e, relocate);
    ///             }
    ///             GeneratorState::Complete(v) => break v,
    ///         }
    ///     }
    /// }
    /// ```
    ///
    /// `__delegated_yield!` is a suspension point like `r#yield!` whose resume value is the
    /// step's raw `Entry`, which may also say that the innermost delegate of a chain has
    /// completed (see `gen_core`'s `delegation` module); it records `d` so that emission can
    /// tell the runtime which field of the state holds the delegate. `relocate` is the step
    /// closure's flag (`names::relocate_var`), set when a delegate starts or completes in the
    /// chain below.
    pub(super) fn yield_from(&mut self, mac: &syn::Macro) -> syn::Expr {
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
        let yield_marker = syn::Ident::new(names::DELEGATED_YIELD, span);
        // The probing traits are imported at the top of the function.
        let delegate = quote_spanned! {span=>
            #krate::__private::Delegate::new::<#resume_ty>(
                (&&#krate::__private::Operand::<_, #resume_ty>::new(#operand)).yield_from_delegate()
            )
        };
        // The braces are located at the operand without the hygienic binding's context, so
        // rustc reports an operand that is no generator there, not at the attribute.
        let relocate = names::relocate_var();
        let start = quote_spanned! {span=>
            #krate::__private::Delegate::start::<#resume_ty>({ &mut #d }, &mut *#relocate)
        };
        // The entry is bound first, so the call has no suspension point inside and is emitted
        // as written, with its spans.
        let e = format_ident!("__entry{}", n, span = at);
        let resume = quote_spanned! {span=>
            let #e = #yield_marker!(#y, #d);
            #s = #krate::__private::Delegate::resume_entry::<#resume_ty>(
                { &mut #d }, #e, &mut *#relocate
            );
        };
        syn::parse_quote_spanned! {span=>
            {
                let mut #d = #delegate;
                let mut #s = #start;
                loop {
                    match #s {
                        #krate::__private::GeneratorState::Yielded(#y) => {
                            #resume
                        }
                        #krate::__private::GeneratorState::Complete(#v) => break #v,
                    }
                }
            }
        }
    }

    /// `__delegated_yield!(y, d)` from [`yield_from`](Self::yield_from): both are our own
    /// identifiers.
    fn delegated_yield(&mut self, mac: &syn::Macro, out: &mut Vec<Stmt>) -> syn::Expr {
        let span = mac.path.span();
        let parser = syn::punctuated::Punctuated::<syn::Ident, syn::Token![,]>::parse_terminated;
        // The prepass rejects the marker in user code, so these are always our two names.
        let idents = syn::parse::Parser::parse2(parser, mac.tokens.clone()).unwrap_or_default();
        let (Some(value), Some(delegate)) = (idents.first(), idents.get(1)) else {
            return syn::parse_quote!(());
        };
        let delegate = self.resolve(delegate);
        let resume = self.temp("resume", span);
        self.push_suspend(syn::parse_quote!(#value), Some(resume), delegate, span, out);
        self.path(resume)
    }

    // ----- values -----

    /// Lowers `expr` to a yield-free expression that computes its value, pushing what must
    /// run before it (suspension points, hoisted operands) to `out`.
    pub(super) fn expr_value(&mut self, expr: &syn::Expr, out: &mut Vec<Stmt>) -> syn::Expr {
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
                Some(Marker::DelegatedYield) => self.delegated_yield(&m.mac, out),
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
                if self.assigned.contains(&result) {
                    self.path(result)
                } else {
                    // No value ever arrives (not even in code that never runs), so the
                    // temporary would have no type: the value is of type `!`, as in rustc.
                    syn::parse_quote!(loop {})
                }
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
                // Jumps are rewritten once, where the statement holding this is built.
                syn::Expr::Break(b)
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
    pub(super) fn sequence(&mut self, expr: &mut syn::Expr, out: &mut Vec<Stmt>) {
        let operands = operands(expr);
        self.sequence_operands(operands, out);
    }

    /// [`Lowerer::sequence`] for the elements of a tuple standing for macro arguments.
    pub(super) fn sequence_as(&mut self, tuple: &mut syn::Expr, use_: Use, out: &mut Vec<Stmt>) {
        let syn::Expr::Tuple(t) = tuple else {
            return;
        };
        let operands = t.elems.iter_mut().map(|e| (e, use_, false)).collect();
        self.sequence_operands(operands, out);
    }

    pub(super) fn sequence_operands(
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
    pub(super) fn macro_args(&mut self, m: &syn::ExprMacro, out: &mut Vec<Stmt>) -> syn::Expr {
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
    pub(super) fn place(&mut self, expr: &syn::Expr, out: &mut Vec<Stmt>) -> syn::Expr {
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
    pub(super) fn sequence_place_index(&mut self, expr: &mut syn::Expr, out: &mut Vec<Stmt>) {
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
    pub(super) fn hoist(&mut self, value: syn::Expr, out: &mut Vec<Stmt>) -> syn::Expr {
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
    pub(super) fn reevaluable(&self, expr: &syn::Expr) -> bool {
        match expr {
            syn::Expr::Lit(_) => true,
            syn::Expr::Path(p) => {
                p.qself.is_none()
                    && p.path.get_ident().is_none_or(|ident| {
                        // A local read by value keeps its position; constants, functions and
                        // the lowering's own temporaries (never reassigned) read the same later.
                        self.resolve(ident)
                            .is_none_or(|id| self.bindings[id].kind == BindingKind::Temp)
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
