//! `break` and `continue` that leave a fragment of yield-free code for a loop or labeled block
//! outside it. Lowering rewrites those that carry a loop's value; emission retargets those whose
//! loop a resume arm has unrolled.

use syn::visit_mut::{self, VisitMut};

/// A jump out of a code fragment.
pub enum Jump<'a> {
    /// `break ['label] [value]`; the expression is the whole `break`.
    Break(&'a mut syn::Expr),
    /// `continue ['label]`.
    Continue(&'a mut syn::Expr),
}

impl Jump<'_> {
    /// The label the jump names, if any.
    pub fn label(&self) -> Option<String> {
        match self {
            Jump::Break(e) | Jump::Continue(e) => match &**e {
                syn::Expr::Break(b) => b.label.as_ref().map(|l| l.ident.to_string()),
                syn::Expr::Continue(c) => c.label.as_ref().map(|l| l.ident.to_string()),
                _ => None,
            },
        }
    }
}

/// Calls `f` on every `break`/`continue` in `node` whose target lies outside it. Closures,
/// async blocks and items are separate bodies: jumps cannot cross them.
pub fn escaping_in_stmt(stmt: &mut syn::Stmt, f: &mut dyn FnMut(Jump<'_>)) {
    Escaping::new(f).visit_stmt_mut(stmt);
}

/// [`escaping_in_stmt`] for an expression.
pub fn escaping_in_expr(expr: &mut syn::Expr, f: &mut dyn FnMut(Jump<'_>)) {
    Escaping::new(f).visit_expr_mut(expr);
}

struct Escaping<'f> {
    f: &'f mut dyn FnMut(Jump<'_>),
    /// Loops inside the fragment (unlabeled jumps target the innermost).
    loop_depth: usize,
    /// Labels defined inside the fragment.
    labels: Vec<String>,
}

impl<'f> Escaping<'f> {
    fn new(f: &'f mut dyn FnMut(Jump<'_>)) -> Self {
        Escaping {
            f,
            loop_depth: 0,
            labels: Vec::new(),
        }
    }

    fn internal(&self, label: Option<&syn::Lifetime>) -> bool {
        match label {
            Some(l) => self.labels.contains(&l.ident.to_string()),
            None => self.loop_depth > 0,
        }
    }

    fn in_loop(&mut self, label: Option<&syn::Label>, visit: impl FnOnce(&mut Self)) {
        self.loop_depth += 1;
        self.labels.extend(label.map(|l| l.name.ident.to_string()));
        visit(self);
        if label.is_some() {
            self.labels.pop();
        }
        self.loop_depth -= 1;
    }
}

impl VisitMut for Escaping<'_> {
    fn visit_expr_mut(&mut self, expr: &mut syn::Expr) {
        match expr {
            syn::Expr::Closure(_) | syn::Expr::Async(_) | syn::Expr::Const(_) => {}
            syn::Expr::Loop(l) => {
                let label = l.label.clone();
                self.in_loop(label.as_ref(), |v| v.visit_block_mut(&mut l.body));
            }
            syn::Expr::While(w) => {
                let label = w.label.clone();
                self.in_loop(label.as_ref(), |v| {
                    v.visit_expr_mut(&mut w.cond);
                    v.visit_block_mut(&mut w.body);
                });
            }
            syn::Expr::ForLoop(f) => {
                self.visit_expr_mut(&mut f.expr);
                let label = f.label.clone();
                self.in_loop(label.as_ref(), |v| v.visit_block_mut(&mut f.body));
            }
            syn::Expr::Block(b) if b.label.is_some() => {
                let label = b.label.as_ref().map(|l| l.name.ident.to_string());
                self.labels.extend(label);
                self.visit_block_mut(&mut b.block);
                self.labels.pop();
            }
            syn::Expr::Break(b) => {
                if let Some(value) = &mut b.expr {
                    self.visit_expr_mut(value);
                }
                if !self.internal(b.label.as_ref()) {
                    (self.f)(Jump::Break(expr));
                }
            }
            syn::Expr::Continue(c) => {
                if !self.internal(c.label.as_ref()) {
                    (self.f)(Jump::Continue(expr));
                }
            }
            _ => visit_mut::visit_expr_mut(self, expr),
        }
    }

    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}
