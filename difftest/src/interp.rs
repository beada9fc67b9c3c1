//! The reference: a direct interpreter of the program AST, sharing nothing with the macro.
//!
//! # The drop model
//!
//! The only values with `Drop` are guards `let _gN = G::new(&t, N);`. The macro keeps a local
//! named `_x` to the end of its scope, exactly like Rust, so guards follow Rust's rules: at the
//! end of each scope (normally or by `break`/`continue`/`return`/`?`) the scope's live guards
//! drop in reverse declaration order; `drop(_gN)` drops one earlier (only ever generated in the
//! guard's own scope, unconditionally, so no drop flags or liveness questions arise). When the
//! driver drops a suspended generator, every live guard drops, innermost scope first and in
//! reverse declaration order (the delegate of a `yield_from!` before its delegator): the
//! interpreter models this by unwinding with [`Flow::Stop`] from the suspension point.

use crate::program::{
    Block, Cond, Conv, Expr, IterSrc, Op, Pat, Program, RetKind, Stmt, max_yields, resume_value,
};
use crate::rt::{self, Ev};

/// A return value.
#[derive(Clone, Copy, Debug)]
pub enum RetVal {
    Plain(i64),
    Opt(Option<i64>),
    Res(Result<i64, i64>),
}

impl RetVal {
    fn show(self) -> String {
        match self {
            RetVal::Plain(v) => format!("{v:?}"),
            RetVal::Opt(v) => format!("{v:?}"),
            RetVal::Res(v) => format!("{v:?}"),
        }
    }
}

/// Control leaving the normal path.
#[derive(Debug)]
pub enum Flow {
    Break(u32, Option<i64>),
    Continue(u32),
    Return(RetVal),
    /// The driver dropped the generator.
    Stop,
}

type Res<T> = Result<T, Flow>;

enum Slot {
    Int(i64),
    Stack(Vec<i64>),
}

#[derive(Default)]
struct Scope {
    vars: Vec<(u32, Slot)>,
    guards: Vec<(u32, bool)>,
}

struct Frame {
    func: usize,
    n: i64,
    scopes: Vec<Scope>,
}

/// Runs program `prog` (seeded with `pseed`) and returns its trace.
pub fn run(prog: &Program, pseed: u64) -> Vec<Ev> {
    let mut it = Interp {
        prog,
        pseed,
        trace: Vec::new(),
        yields: 0,
        max: max_yields(pseed),
    };
    match it.call(0, prog.arg) {
        Ok(rv) => it.trace.push(Ev::Return(rv.show())),
        Err(Flow::Stop) => it.trace.push(Ev::Stopped),
        Err(other) => panic!("interpreter: {other:?} escaped a function"),
    }
    it.trace
}

struct Interp<'p> {
    prog: &'p Program,
    pseed: u64,
    trace: Vec<Ev>,
    yields: usize,
    max: usize,
}

impl Interp<'_> {
    fn call(&mut self, func: usize, n: i64) -> Res<RetVal> {
        let f = &self.prog.funcs[func];
        let mut fr = Frame {
            func,
            n,
            scopes: Vec::new(),
        };
        fr.scopes.push(Scope::default());
        let out = (|| {
            for s in &f.body.stmts {
                self.stmt(&mut fr, s)?;
            }
            let v = self.expr(&mut fr, &f.tail)?;
            Ok(wrap(f.ret, v))
        })();
        self.pop(&mut fr);
        match out {
            Ok(v) => Ok(v),
            Err(Flow::Return(v)) => Ok(v),
            Err(other) => Err(other),
        }
    }

    fn pop(&mut self, fr: &mut Frame) {
        let scope = fr.scopes.pop().expect("scope");
        for (id, alive) in scope.guards.into_iter().rev() {
            if alive {
                self.trace.push(Ev::Drop(id));
            }
        }
    }

    fn suspend(&mut self, v: i64) -> Res<i64> {
        self.trace.push(Ev::Yield(v));
        self.yields += 1;
        if self.yields >= self.max {
            return Err(Flow::Stop);
        }
        if self.prog.unit {
            Ok(0)
        } else {
            let r = resume_value(self.pseed, self.yields);
            self.trace.push(Ev::Resume(r));
            Ok(r)
        }
    }

    fn scoped<T>(
        &mut self,
        fr: &mut Frame,
        f: impl FnOnce(&mut Self, &mut Frame) -> Res<T>,
    ) -> Res<T> {
        fr.scopes.push(Scope::default());
        let out = f(self, fr);
        self.pop(fr);
        out
    }

    fn block(&mut self, fr: &mut Frame, b: &Block) -> Res<()> {
        self.scoped(fr, |it, fr| it.stmts(fr, b))
    }

    fn stmts(&mut self, fr: &mut Frame, b: &Block) -> Res<()> {
        for s in &b.stmts {
            self.stmt(fr, s)?;
        }
        Ok(())
    }

    fn declare(fr: &mut Frame, name: u32, slot: Slot) {
        fr.scopes.last_mut().unwrap().vars.push((name, slot));
    }

    fn slot(fr: &mut Frame, name: u32) -> &mut Slot {
        for scope in fr.scopes.iter_mut().rev() {
            if let Some((_, s)) = scope.vars.iter_mut().rev().find(|(n, _)| *n == name) {
                return s;
            }
        }
        panic!("interpreter: unbound v{name}")
    }

    fn var(fr: &mut Frame, name: u32) -> i64 {
        match Self::slot(fr, name) {
            Slot::Int(v) => *v,
            Slot::Stack(_) => panic!("interpreter: v{name} is a stack"),
        }
    }

    fn set(fr: &mut Frame, name: u32, v: i64) {
        *Self::slot(fr, name) = Slot::Int(v);
    }

    /// Runs a loop body; `Ok(true)` to go on looping, `Ok(false)` to stop (with a break value
    /// stored in `broke`).
    fn body(
        &mut self,
        fr: &mut Frame,
        label: u32,
        b: &Block,
        broke: &mut Option<i64>,
    ) -> Res<bool> {
        match self.block(fr, b) {
            Ok(()) => Ok(true),
            Err(Flow::Continue(l)) if l == label => Ok(true),
            Err(Flow::Break(l, v)) if l == label => {
                *broke = v;
                Ok(false)
            }
            Err(other) => Err(other),
        }
    }

    fn stmt(&mut self, fr: &mut Frame, s: &Stmt) -> Res<()> {
        match s {
            Stmt::Let { name, init, .. } => {
                let v = self.expr(fr, init)?;
                Self::declare(fr, *name, Slot::Int(v));
            }
            Stmt::Assign { name, value } => {
                let v = self.expr(fr, value)?;
                Self::set(fr, *name, v);
            }
            Stmt::XorAssign { name, value } => {
                // `a ^= e` evaluates `e` first for primitive types.
                let v = self.expr(fr, value)?;
                let old = Self::var(fr, *name);
                Self::set(fr, *name, old ^ v);
            }
            Stmt::Guard(id) => fr.scopes.last_mut().unwrap().guards.push((*id, true)),
            Stmt::DropGuard(id) => {
                let g = fr
                    .scopes
                    .last_mut()
                    .unwrap()
                    .guards
                    .iter_mut()
                    .find(|g| g.0 == *id)
                    .expect("guard");
                assert!(g.1, "guard dropped twice");
                g.1 = false;
                self.trace.push(Ev::Drop(*id));
            }
            Stmt::Yield(e) => {
                let v = self.expr(fr, e)?;
                self.suspend(v)?;
            }
            Stmt::YieldFromIter(src) => {
                let items: Vec<i64> = match src {
                    IterSrc::Vec(items) => {
                        let mut out = Vec::new();
                        for e in items {
                            out.push(self.expr(fr, e)?);
                        }
                        out
                    }
                    IterSrc::Range(e) => (0..rt::bnd(self.expr(fr, e)?)).collect(),
                };
                for v in items {
                    self.suspend(v)?;
                }
            }
            Stmt::Delegate { func, arg } => {
                let a = self.expr(fr, arg)?;
                self.call(*func, a)?;
            }
            Stmt::Log(e) => {
                let v = self.expr(fr, e)?;
                self.trace.push(Ev::Log(v));
            }
            Stmt::If { cond, then, els } => {
                if self.cond(fr, cond)? {
                    self.block(fr, then)?;
                } else if let Some(b) = els {
                    self.block(fr, b)?;
                }
            }
            Stmt::IfLet {
                name,
                scrut,
                chain,
                then,
                els,
            } => {
                let v = self.expr(fr, scrut)?;
                let mut taken = false;
                if let Some(x) = rt::some_if(v) {
                    // The binding's scope covers the chain and the then-block.
                    self.scoped(fr, |it, fr| {
                        Self::declare(fr, *name, Slot::Int(x));
                        let go = match chain {
                            Some(c) => it.cond(fr, c)?,
                            None => true,
                        };
                        if go {
                            taken = true;
                            it.block(fr, then)?;
                        }
                        Ok(())
                    })?;
                }
                if !taken && let Some(b) = els {
                    self.block(fr, b)?;
                }
            }
            Stmt::LetElse { name, scrut, els } => {
                let v = self.expr(fr, scrut)?;
                match rt::some_if(v) {
                    Some(x) => Self::declare(fr, *name, Slot::Int(x)),
                    None => {
                        self.block(fr, els)?;
                        panic!("interpreter: let-else block did not diverge");
                    }
                }
            }
            Stmt::Match { scrut, arms } => {
                let v = self.expr(fr, scrut)?;
                for arm in arms {
                    let hit = match &arm.pat {
                        Pat::Lit(x) => v == *x,
                        Pat::Or(xs) => xs.contains(&v),
                        Pat::Range(a, b) => (*a..=*b).contains(&v),
                        Pat::Bind(_) | Pat::Wild => true,
                    };
                    if !hit {
                        continue;
                    }
                    let mut taken = false;
                    self.scoped(fr, |it, fr| {
                        if let Pat::Bind(name) = arm.pat {
                            Self::declare(fr, name, Slot::Int(v));
                        }
                        let go = match &arm.guard {
                            Some(c) => it.cond(fr, c)?,
                            None => true,
                        };
                        if go {
                            taken = true;
                            it.block(fr, &arm.body)?;
                        }
                        Ok(())
                    })?;
                    if taken {
                        break;
                    }
                }
            }
            Stmt::For {
                label,
                name,
                bound,
                body,
            } => {
                let n = rt::bnd(self.expr(fr, bound)?);
                for i in 0..n {
                    let mut broke = None;
                    let go = self.scoped(fr, |it, fr| {
                        Self::declare(fr, *name, Slot::Int(i));
                        it.body(fr, *label, body, &mut broke)
                    })?;
                    if !go {
                        break;
                    }
                }
            }
            Stmt::While {
                label,
                counter,
                bound,
                extra,
                body,
            } => {
                Self::declare(fr, *counter, Slot::Int(0));
                loop {
                    let c = Self::var(fr, *counter);
                    let b = rt::bnd(self.expr(fr, bound)?);
                    if c >= b {
                        break;
                    }
                    if let Some(x) = extra
                        && !self.cond(fr, x)?
                    {
                        break;
                    }
                    Self::set(fr, *counter, c + 1);
                    let mut broke = None;
                    if !self.body(fr, *label, body, &mut broke)? {
                        break;
                    }
                }
            }
            Stmt::WhileLet {
                label,
                stack,
                items,
                name,
                body,
            } => {
                let mut vals = Vec::new();
                for e in items {
                    vals.push(self.expr(fr, e)?);
                }
                Self::declare(fr, *stack, Slot::Stack(vals));
                loop {
                    let top = match Self::slot(fr, *stack) {
                        Slot::Stack(s) => s.pop(),
                        Slot::Int(_) => unreachable!(),
                    };
                    let Some(x) = top else { break };
                    let mut broke = None;
                    let go = self.scoped(fr, |it, fr| {
                        Self::declare(fr, *name, Slot::Int(x));
                        it.body(fr, *label, body, &mut broke)
                    })?;
                    if !go {
                        break;
                    }
                }
            }
            Stmt::Loop {
                label,
                name,
                counter,
                limit,
                exit,
                body,
            } => {
                Self::declare(fr, *counter, Slot::Int(0));
                let value = loop {
                    let c = Self::var(fr, *counter);
                    if c >= *limit {
                        break self.expr(fr, exit)?;
                    }
                    Self::set(fr, *counter, c + 1);
                    let mut broke = None;
                    if !self.body(fr, *label, body, &mut broke)? {
                        break broke.expect("valued break");
                    }
                };
                Self::declare(fr, *name, Slot::Int(value));
            }
            Stmt::Break { label, value, .. } => {
                let v = match value {
                    Some(e) => Some(self.expr(fr, e)?),
                    None => None,
                };
                return Err(Flow::Break(*label, v));
            }
            Stmt::Continue { label, .. } => return Err(Flow::Continue(*label)),
            Stmt::Return(e) => {
                let v = self.expr(fr, e)?;
                return Err(Flow::Return(wrap(self.prog.funcs[fr.func].ret, v)));
            }
            Stmt::Block(b) => self.block(fr, b)?,
            Stmt::Labeled {
                label,
                name,
                body,
                tail,
            } => {
                let out = self.scoped(fr, |it, fr| {
                    it.stmts(fr, body)?;
                    it.expr(fr, tail)
                });
                let v = match out {
                    Ok(v) => v,
                    Err(Flow::Break(l, Some(v))) if l == *label => v,
                    Err(other) => return Err(other),
                };
                Self::declare(fr, *name, Slot::Int(v));
            }
        }
        Ok(())
    }

    fn expr(&mut self, fr: &mut Frame, e: &Expr) -> Res<i64> {
        Ok(match e {
            Expr::Lit(v) => *v,
            Expr::Var(n) => Self::var(fr, *n),
            Expr::Param => fr.n,
            Expr::Call(op, a, b) => {
                let a = self.expr(fr, a)?;
                let b = self.expr(fr, b)?;
                match op {
                    Op::Add => rt::add(a, b),
                    Op::Sub => rt::sub(a, b),
                    Op::Mul => rt::mul(a, b),
                    Op::Rem => rt::rem(a, b),
                }
            }
            Expr::Xor(a, b) => {
                let a = self.expr(fr, a)?;
                a ^ self.expr(fr, b)?
            }
            Expr::Method(a, b) => {
                let a = self.expr(fr, a)?;
                a.wrapping_sub(self.expr(fr, b)?)
            }
            Expr::Yield(e) => {
                let v = self.expr(fr, e)?;
                self.suspend(v)?
            }
            Expr::YieldFrom { func, arg, conv } => {
                let a = self.expr(fr, arg)?;
                let rv = self.call(*func, a)?;
                let mine = self.prog.funcs[fr.func].ret;
                match (rv, conv) {
                    (RetVal::Plain(v), _) => v,
                    (RetVal::Opt(Some(v)), _) | (RetVal::Res(Ok(v)), _) => v,
                    (RetVal::Opt(None), Conv::Try) | (RetVal::Res(Err(_)), Conv::Try) => {
                        assert_eq!(
                            std::mem::discriminant(&wrap(mine, 0)),
                            std::mem::discriminant(&rv)
                        );
                        return Err(Flow::Return(rv));
                    }
                    (_, Conv::UnwrapOr(c)) => *c,
                }
            }
            Expr::Try(e) => {
                let v = self.expr(fr, e)?;
                match self.prog.funcs[fr.func].ret {
                    RetKind::Opt => match rt::some_if(v) {
                        Some(x) => x,
                        None => return Err(Flow::Return(RetVal::Opt(None))),
                    },
                    _ => match rt::ok_if(v) {
                        Ok(x) => x,
                        Err(x) => return Err(Flow::Return(RetVal::Res(Err(x)))),
                    },
                }
            }
            Expr::If(c, a, b) => {
                if self.cond(fr, c)? {
                    self.expr(fr, a)?
                } else {
                    self.expr(fr, b)?
                }
            }
            Expr::Index(items, i) => {
                let mut vals = Vec::new();
                for e in items {
                    vals.push(self.expr(fr, e)?);
                }
                vals[rt::pick(self.expr(fr, i)?)]
            }
            Expr::Second(a, b) => {
                self.expr(fr, a)?;
                self.expr(fr, b)?
            }
            Expr::Match(scrut, arms) => {
                let v = self.expr(fr, scrut)?;
                let mut out = None;
                for arm in arms {
                    if !pat_matches(&arm.pat, v) {
                        continue;
                    }
                    out = self.scoped(fr, |it, fr| {
                        if let Pat::Bind(name) = arm.pat {
                            Self::declare(fr, name, Slot::Int(v));
                        }
                        let go = match &arm.guard {
                            Some(c) => it.cond(fr, c)?,
                            None => true,
                        };
                        if go {
                            Ok(Some(it.expr(fr, &arm.value)?))
                        } else {
                            Ok(None)
                        }
                    })?;
                    if out.is_some() {
                        break;
                    }
                }
                out.expect("the last arm is irrefutable")
            }
            Expr::Block(b, tail) => self.scoped(fr, |it, fr| {
                it.stmts(fr, b)?;
                it.expr(fr, tail)
            })?,
        })
    }

    fn cond(&mut self, fr: &mut Frame, c: &Cond) -> Res<bool> {
        Ok(match c {
            Cond::Lt(a, b) => {
                let a = self.expr(fr, a)?;
                a < self.expr(fr, b)?
            }
            Cond::Eq(a, b) => {
                let a = self.expr(fr, a)?;
                a == self.expr(fr, b)?
            }
            Cond::And(a, b) => self.cond(fr, a)? && self.cond(fr, b)?,
            Cond::Or(a, b) => self.cond(fr, a)? || self.cond(fr, b)?,
            Cond::Not(a) => !self.cond(fr, a)?,
        })
    }
}

fn pat_matches(p: &Pat, v: i64) -> bool {
    match p {
        Pat::Lit(x) => v == *x,
        Pat::Or(xs) => xs.contains(&v),
        Pat::Range(a, b) => (*a..=*b).contains(&v),
        Pat::Bind(_) | Pat::Wild => true,
    }
}

fn wrap(k: RetKind, v: i64) -> RetVal {
    match k {
        RetKind::Plain => RetVal::Plain(v),
        RetKind::Opt => RetVal::Opt(Some(v)),
        RetKind::Res => RetVal::Res(Ok(v)),
    }
}
